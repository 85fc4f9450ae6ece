using SithSynth.Domain.Music;

namespace SithSynth.Domain.Corpus;

/// <summary>
/// Re-barring music of one meter as another, to give thin meters more examples: two 6/8 bars as one 12/8 bar, a
/// 4/4 tune as 2/2 (same bars, felt in two), 4/4 bars halved into 2/4. A target bar is only kept when no note
/// crosses its barline, so no note is ever split; the runs break where one would be.
/// </summary>
public sealed record MeterDerivation(TimeSignature Source, TimeSignature Target)
{
    /// <summary>The re-barrings that keep the pulse: pairs and halves of simple or compound bars, and 4/4 ↔ 2/2.</summary>
    public static IReadOnlyList<MeterDerivation> Candidates { get; } =
    [
        new(new(6, 8), new(12, 8)),
        new(new(12, 8), new(6, 8)),
        new(new(2, 4), new(4, 4)),
        new(new(4, 4), new(2, 4)),
        new(new(4, 4), new(2, 2)),
        new(new(2, 2), new(4, 4)),
    ];

    /// <summary>"two 6/8 bars → one 12/8 bar" and the like, for the summary.</summary>
    public string Description
    {
        get
        {
            var source = Source.BarLength;
            var target = Target.BarLength;
            return target == source ? $"each {Source} bar read as {Target}"
                : target > source ? $"two {Source} bars → one {Target} bar"
                : $"each {Source} bar halved → two {Target} bars";
        }
    }

    /// <summary>The run re-barred: runs of whole target bars, none with a note across its barline.</summary>
    public IReadOnlyList<IReadOnlyList<Measure>> Rebar(IReadOnlyList<Measure> run)
    {
        var events = new List<(Duration Onset, MelodyEvent Event)>();
        var time = Duration.Zero;
        foreach (var e in run.SelectMany(m => m.Events))
        {
            events.Add((time, e));
            time += e.Duration;
        }

        var runs = new List<IReadOnlyList<Measure>>();
        var current = new List<Measure>();
        var barLength = Target.BarLength;
        var index = 0;
        for (var start = Duration.Zero; start + barLength <= time; start += barLength)
        {
            var end = start + barLength;
            while (index < events.Count && events[index].Onset < start)
            {
                index++;
            }

            var bar = new List<MelodyEvent>();
            var next = index;
            while (next < events.Count && events[next].Onset < end)
            {
                bar.Add(events[next].Event);
                next++;
            }

            var whole = index < events.Count && events[index].Onset == start && bar.Aggregate(Duration.Zero, (sum, e) => sum + e.Duration) == barLength;
            if (whole)
            {
                current.Add(new Measure(bar));
            }
            else if (current.Count > 0)
            {
                runs.Add(current);
                current = [];
            }
        }

        if (current.Count > 0)
        {
            runs.Add(current);
        }

        return runs;
    }
}

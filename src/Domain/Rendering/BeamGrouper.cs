using SithSynth.Domain.Music;

namespace SithSynth.Domain.Rendering;

/// <summary>
/// Beams eighths and shorter notes the way the meter groups them: by quarter beat in simple meters (four plain eighths
/// join across a half bar in 2/4, 4/4 and 2/2, as engravers write them), by dotted quarter in 6/8 and 12/8. A beam
/// never crosses a rest, a longer note or a group's edge; a lone short note keeps its flag.
/// </summary>
public static class BeamGrouper
{
    private static readonly Duration Quarter = Duration.Quarters(1);
    private static readonly Duration Half = Duration.Quarters(2);
    private static readonly Duration PlainEighth = new(1, 2);

    /// <summary>Sets <see cref="WrittenNote.Beams"/> on one bar's notes of one voice, in order.</summary>
    public static void Beam(TimeSignature meter, IReadOnlyList<WrittenNote> bar)
    {
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(bar);
        var groups = bar.Select(n => Group(meter, bar, n)).ToList();
        var run = new List<WrittenNote>();
        for (var i = 0; i < bar.Count; i++)
        {
            if (run.Count > 0 && (!IsBeamable(bar[i]) || groups[i] != groups[i - 1]))
            {
                Close(run);
            }

            if (IsBeamable(bar[i]))
            {
                run.Add(bar[i]);
            }
        }

        Close(run);
    }

    /// <summary>How many beams the value carries: one for an eighth, two for a sixteenth; none for a quarter or longer.</summary>
    public static int Levels(NoteValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Type switch
        {
            "eighth" => 1,
            "16th" => 2,
            "32nd" => 3,
            "64th" => 4,
            _ => 0,
        };
    }

    private static bool IsBeamable(WrittenNote note) => !note.IsRest && Levels(note.Value) > 0;

    /// <summary>The start of the beam group the note falls in.</summary>
    private static Duration Group(TimeSignature meter, IReadOnlyList<WrittenNote> bar, WrittenNote note)
    {
        if (meter.IsCompound)
        {
            return BeatSplitter.Floor(note.Onset, meter.PulseLength);
        }

        var half = BeatSplitter.Floor(note.Onset, Half);
        if (BeatSplitter.IsMultiple(meter.BarLength, Half))
        {
            var inHalf = bar.Where(n => n.Onset >= half && n.Onset < half + Half).ToList();
            if (inHalf.Count == 4 && inHalf.All(n => !n.IsRest && n.Value.Length == PlainEighth && !n.Value.IsTriplet))
            {
                return half;
            }
        }

        return BeatSplitter.Floor(note.Onset, Quarter);
    }

    private static void Close(List<WrittenNote> run)
    {
        if (run.Count >= 2)
        {
            var levels = run.Select(n => Levels(n.Value)).ToList();
            for (var i = 0; i < run.Count; i++)
            {
                var beams = new List<string>();
                for (var level = 1; level <= levels[i]; level++)
                {
                    var before = i > 0 && levels[i - 1] >= level;
                    var after = i < run.Count - 1 && levels[i + 1] >= level;
                    beams.Add((before, after) switch
                    {
                        (false, true) => "begin",
                        (true, true) => "continue",
                        (true, false) => "end",
                        _ => level == 1 ? throw new InvalidOperationException("Every note of a beamed run shares its first beam.") : i == 0 ? "forward hook" : "backward hook",
                    });
                }

                run[i].Beams = beams;
            }
        }

        run.Clear();
    }
}

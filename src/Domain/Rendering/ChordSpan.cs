using SithSynth.Domain.Music;

namespace SithSynth.Domain.Rendering;

/// <summary>
/// A stretch of one bar over which the same chord sounds: consecutive melody events with an equal chord merge
/// into one span. Spans stop at the barline, because every bar restates its chords.
/// </summary>
public sealed record ChordSpan(ChordSymbol Chord, Duration Onset, Duration Length)
{
    public static IReadOnlyList<ChordSpan> In(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var spans = new List<ChordSpan>();
        foreach (var (e, onset) in measure.EventsWithOnsets())
        {
            if (spans.Count > 0 && spans[^1].Chord == e.Chord)
            {
                spans[^1] = spans[^1] with { Length = spans[^1].Length + e.Duration };
            }
            else
            {
                spans.Add(new ChordSpan(e.Chord, onset, e.Duration));
            }
        }

        return spans;
    }
}

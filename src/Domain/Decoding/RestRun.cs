using SithSynth.Domain.Music;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// Rests back to back under one chord written as one rest, as the corpus reads them (<see cref="Corpus.SegmentArranger"/>):
/// a model may write a beat's rest as two halves, and a sheet read back from its own MusicXML, to rewrite bars of it,
/// must give the very events it was written from, or its kept bars would come back engraved otherwise.
/// </summary>
public static class RestRun
{
    /// <summary>
    /// <paramref name="events"/> with each run of rests under one chord merged, in one vocabulary duration where there
    /// is one and otherwise in the fewest, longest first, as the corpus reader spells a length.
    /// </summary>
    public static IReadOnlyList<MelodyEvent> Merge(IReadOnlyList<MelodyEvent> events)
    {
        var merged = new List<MelodyEvent>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var (first, length) = (i, events[i].Duration);
            while (events[first].IsRest && i + 1 < events.Count && events[i + 1].IsRest && events[i + 1].Chord == events[first].Chord)
            {
                length += events[++i].Duration;
            }

            // A run's parts are durations, so their sum is always spelled; a lone event stays as it is.
            var parts = i > first ? DurationFill.Training.Spell(length) : [];
            if (parts.Count == 0)
            {
                merged.AddRange(events.Skip(first).Take(i - first + 1));
                continue;
            }

            merged.AddRange(parts.Select(part => new MelodyEvent(events[first].Chord, null, part)));
        }

        return merged;
    }
}

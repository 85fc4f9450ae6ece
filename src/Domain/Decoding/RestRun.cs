using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// Rests back to back under one chord written as one rest, as the corpus reads them (<see cref="Corpus.SegmentArranger"/>):
/// a model may write a beat's rest as two halves, and a sheet read back from its own MusicXML, to rewrite bars of it,
/// must give the very events it was written from, or its kept bars would come back engraved otherwise.
/// </summary>
public static class RestRun
{
    private static readonly DurationFill Fill = new(TrainingVocabulary.Durations, TrainingVocabulary.TimeSignatures.Max(t => t.BarLength));

    /// <summary>
    /// <paramref name="events"/> with each run of rests under one chord merged, in one vocabulary duration where there
    /// is one and otherwise in the fewest, longest first, as the corpus reader splits a length.
    /// </summary>
    public static IReadOnlyList<MelodyEvent> Merge(IReadOnlyList<MelodyEvent> events)
    {
        var merged = new List<MelodyEvent>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var rest = events[i];
            if (!rest.IsRest || i + 1 == events.Count || !events[i + 1].IsRest || events[i + 1].Chord != rest.Chord)
            {
                merged.Add(rest);
                continue;
            }

            var (first, length) = (i, rest.Duration);
            while (i + 1 < events.Count && events[i + 1].IsRest && events[i + 1].Chord == rest.Chord)
            {
                length += events[++i].Duration;
            }

            // A length the durations cannot spell (none here: its parts are durations) keeps its parts as they were.
            var parts = TrainingVocabulary.Durations.Contains(length) ? [length] : Fill.Split(length);
            merged.AddRange(parts.Count > 0 ? parts.Select(part => new MelodyEvent(rest.Chord, null, part)) : events.Skip(first).Take(i - first + 1));
        }

        return merged;
    }
}

using SithSynth.Domain.Music;

namespace SithSynth.Domain.Progressions;

/// <summary>
/// The chord a model can write that sounds most like one it cannot. Musically: the same root first (the root carries the
/// harmony's function, so Csus4 stays a chord on C rather than becoming the F it shares two tones with), then the
/// closest quality, counted in tones: the most tones in common, then the fewest tones only one of them has, then the
/// plainer chord (fewer tones), then the vocabulary's own order (major before minor: a suspension or power chord most
/// often resolves to the major third). So C6 → C, Cm7b5 → Cdim, Cdim7 → Cdim, Cmaj9 → Cmaj7, C13 → C9, C7sus4 → C7,
/// Cmaj → C. A slash bass counts only to choose between chords with that bass; the shipped models write no inversions,
/// so C/E → C.
/// </summary>
public static class NearestChord
{
    public static ChordSymbol Find(WrittenChord wanted, IReadOnlyList<ChordSymbol> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentOutOfRangeException.ThrowIfZero(vocabulary.Count);
        return vocabulary
            .Select((chord, order) => (chord, order, tones: chord.PitchClasses.ToHashSet()))
            .Where(c => !c.chord.IsNoChord)
            .OrderByDescending(c => c.chord.Root == wanted.Root)
            .ThenByDescending(c => c.chord.Bass == wanted.Bass)
            .ThenByDescending(c => c.tones.Intersect(wanted.PitchClasses).Count())
            .ThenBy(c => c.tones.Count + wanted.PitchClasses.Count - (2 * c.tones.Intersect(wanted.PitchClasses).Count()))
            .ThenBy(c => c.tones.Count)
            .ThenBy(c => c.order)
            .Select(c => c.chord)
            .DefaultIfEmpty(vocabulary[0])
            .First();
    }
}

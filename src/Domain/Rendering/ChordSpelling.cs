using SithSynth.Domain.Music;

namespace SithSynth.Domain.Rendering;

/// <summary>
/// How a chord is written in a key: its root takes whichever spelling (at most one sharp or flat) writes the chord's
/// tones closest to the key signature (each semitone a tone departs from it counts, a double sharp or flat a little
/// more), the key's own spelling winning a tie; the other tones follow by interval above the root. So E major in C
/// reads E G# B (not Fb Ab Cb), C#dim in C reads C# E G (not Db Fb Abb), a chord on pitch class 3 in A minor is
/// Ebmaj7 (not D#maj7 with double sharps), F#m in Eb is not Gbm with its Bbb, yet the dominant of G# minor keeps its
/// leading tone F## (D#7, not Eb7). A slash bass outside the chord is spelled by the key.
/// </summary>
public static class ChordSpelling
{
    private static readonly char[] Letters = ['C', 'D', 'E', 'F', 'G', 'A', 'B'];

    // Letters above the root for each interval (mod 12): b2/2 on the second, b3/3 on the third, 4, b5/5/#5 on the fifth,
    // 6, b7/7 on the seventh. Ninths fold onto the second.
    private static readonly int[] LettersAboveRoot = [0, 1, 1, 2, 2, 3, 4, 4, 4, 5, 6, 6];

    // What a double sharp or flat costs beyond its distance from the signature: enough to break a tie against it.
    private const int DoubleAccidentalCost = 2;

    public static SpelledPitch Root(ChordSymbol chord, Key key)
    {
        ArgumentNullException.ThrowIfNull(chord);
        ArgumentNullException.ThrowIfNull(key);
        var own = key.Spell(chord.Root);
        if (chord.IsNoChord)
        {
            return own;
        }

        return Spellings(chord.Root).OrderBy(s => Cost(chord, key, s)).ThenBy(s => s == own ? 0 : 1).First();
    }

    /// <summary>The spelling of <paramref name="pitchClass"/> as a note of <paramref name="chord"/> in <paramref name="key"/>.</summary>
    public static SpelledPitch Tone(ChordSymbol chord, Key key, int pitchClass)
    {
        ArgumentNullException.ThrowIfNull(chord);
        ArgumentNullException.ThrowIfNull(key);
        pitchClass = PitchClass.Of(pitchClass);
        return chord.IsNoChord ? key.Spell(pitchClass) : ToneAbove(chord, Root(chord, key), pitchClass) ?? key.Spell(pitchClass);
    }

    /// <summary>Whether <paramref name="pitchClass"/> is one of the chord's own tones (its slash bass aside).</summary>
    public static bool IsChordTone(ChordSymbol chord, int pitchClass)
    {
        ArgumentNullException.ThrowIfNull(chord);
        return chord.PitchClasses.Contains(PitchClass.Of(pitchClass));
    }

    private static SpelledPitch? ToneAbove(ChordSymbol chord, SpelledPitch root, int pitchClass)
    {
        foreach (var interval in ChordKindNames.Intervals(chord.Kind))
        {
            if (PitchClass.Of(chord.Root + interval) == pitchClass)
            {
                var step = Letters[(Array.IndexOf(Letters, root.Step) + LettersAboveRoot[interval % 12]) % 7];
                return new SpelledPitch(step, Alteration(pitchClass, step));
            }
        }

        return null;
    }

    /// <summary>Every spelling of the pitch class with at most one sharp or flat: C and B#, or C# and Db.</summary>
    internal static IEnumerable<SpelledPitch> Spellings(int pitchClass) => Letters
        .Select(step => new SpelledPitch(step, Alteration(pitchClass, step)))
        .Where(s => Math.Abs(s.Alter) <= 1);

    private static int Cost(ChordSymbol chord, Key key, SpelledPitch root) => chord.PitchClasses
        .Select(pc => ToneAbove(chord, root, pc)!.Value)
        .Sum(tone => Math.Abs(tone.Alter - key.SignatureAlter(tone.Step)) + (Math.Abs(tone.Alter) >= 2 ? DoubleAccidentalCost : 0));

    private static int Alteration(int pitchClass, char step)
    {
        var alter = PitchClass.Of(pitchClass - PitchClass.OfStep(step));
        return alter > 6 ? alter - 12 : alter;
    }
}

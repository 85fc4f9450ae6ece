using SithSynth.Domain.Music;

namespace SithSynth.Domain.Rendering;

/// <summary>
/// How the notes of a chord are written: the root as the key spells it (a chromatic diminished root raised, C#dim
/// not Dbdim), the other tones by their interval above the root, so E major in C reads E G# B (not E Ab B). A slash
/// bass outside the chord is spelled by the key.
/// </summary>
public static class ChordSpelling
{
    private static readonly char[] Letters = ['C', 'D', 'E', 'F', 'G', 'A', 'B'];

    // Letters above the root for each interval (mod 12): b2/2 on the second, b3/3 on the third, 4, b5/5/#5 on the fifth,
    // 6, b7/7 on the seventh. Ninths fold onto the second.
    private static readonly int[] LettersAboveRoot = [0, 1, 1, 2, 2, 3, 4, 4, 4, 5, 6, 6];

    public static SpelledPitch Root(ChordSymbol chord, Key key)
    {
        ArgumentNullException.ThrowIfNull(chord);
        ArgumentNullException.ThrowIfNull(key);
        var spelled = key.Spell(chord.Root);

        // A chromatic diminished chord leads up a semitone (C#dim to Dm), so its root reads as a raised note.
        if (chord.Kind == ChordKind.Diminished && spelled.Alter < key.SignatureAlter(spelled.Step))
        {
            var lower = Letters[(Array.IndexOf(Letters, spelled.Step) + 6) % 7];
            var alter = PitchClass.Of(chord.Root - PitchClass.OfStep(lower));
            return new SpelledPitch(lower, alter > 6 ? alter - 12 : alter);
        }

        return spelled;
    }

    /// <summary>The spelling of <paramref name="pitchClass"/> as a note of <paramref name="chord"/> in <paramref name="key"/>.</summary>
    public static SpelledPitch Tone(ChordSymbol chord, Key key, int pitchClass)
    {
        var root = Root(chord, key);
        pitchClass = PitchClass.Of(pitchClass);
        if (chord.IsNoChord)
        {
            return key.Spell(pitchClass);
        }

        foreach (var interval in ChordKindNames.Intervals(chord.Kind))
        {
            if (PitchClass.Of(chord.Root + interval) == pitchClass)
            {
                var step = Letters[(Array.IndexOf(Letters, root.Step) + LettersAboveRoot[interval % 12]) % 7];
                var alter = PitchClass.Of(pitchClass - PitchClass.OfStep(step));
                return new SpelledPitch(step, alter > 6 ? alter - 12 : alter);
            }
        }

        return key.Spell(pitchClass);
    }
}

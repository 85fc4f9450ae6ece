using SithSynth.Domain.Music;

namespace SithSynth.Domain.Rendering;

/// <summary>
/// How a melody note is written over the chord sounding under it: a chord tone (or the slash bass) as the chord
/// spells it, so the melody writes G# over E7 in C just as the chord staff does; a passing note over a chord of the
/// key as the key spells it; a passing note over a chromatic chord as the key of that chord's root spells it (D# over
/// E7 in C, the leading tone of E, not Eb). A passing note is never written with a double sharp or flat: where a
/// remote key would (Bbb in Ab minor), it takes the plain name nearest the signature (A).
/// </summary>
public static class MelodySpelling
{
    public static SpelledPitch Of(int pitchClass, ChordSymbol chord, Key key)
    {
        ArgumentNullException.ThrowIfNull(chord);
        ArgumentNullException.ThrowIfNull(key);
        if (chord.IsNoChord)
        {
            return Plain(key.Spell(pitchClass), key);
        }

        if (ChordSpelling.IsChordTone(chord, pitchClass) || chord.Bass == PitchClass.Of(pitchClass))
        {
            return ChordSpelling.Tone(chord, key, pitchClass);
        }

        var tones = chord.PitchClasses.Select(pc => ChordSpelling.Tone(chord, key, pc));
        if (tones.All(t => t.Alter == key.SignatureAlter(t.Step)))
        {
            return Plain(key.Spell(pitchClass), key);
        }

        var minorThird = chord.PitchClasses.Contains(PitchClass.Of(chord.Root + 3));
        return Plain(new Key(ChordSpelling.Root(chord, key), minorThird ? KeyMode.Minor : KeyMode.Major).Spell(pitchClass), key);
    }

    private static SpelledPitch Plain(SpelledPitch spelled, Key key) => Math.Abs(spelled.Alter) <= 1
        ? spelled
        : ChordSpelling.Spellings(spelled.PitchClass).OrderBy(s => Math.Abs(s.Alter - key.SignatureAlter(s.Step))).ThenBy(s => Math.Abs(s.Alter)).First();
}

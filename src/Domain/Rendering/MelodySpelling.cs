using SithSynth.Domain.Music;

namespace SithSynth.Domain.Rendering;

/// <summary>
/// How a melody note is written over the chord sounding under it: a chord tone (or the slash bass) as the chord
/// spells it, so the melody writes G# over E7 in C just as the chord staff does; a passing note over a chord of the
/// key as the key spells it; a passing note over a chromatic chord as the key of that chord's root spells it (D# over
/// E7 in C, the leading tone of E, not Eb).
/// </summary>
public static class MelodySpelling
{
    public static SpelledPitch Of(int pitchClass, ChordSymbol chord, Key key)
    {
        ArgumentNullException.ThrowIfNull(chord);
        ArgumentNullException.ThrowIfNull(key);
        if (chord.IsNoChord)
        {
            return key.Spell(pitchClass);
        }

        if (ChordSpelling.IsChordTone(chord, pitchClass) || chord.Bass == PitchClass.Of(pitchClass))
        {
            return ChordSpelling.Tone(chord, key, pitchClass);
        }

        var tones = chord.PitchClasses.Select(pc => ChordSpelling.Tone(chord, key, pc));
        if (tones.All(t => t.Alter == key.SignatureAlter(t.Step)))
        {
            return key.Spell(pitchClass);
        }

        var minorThird = chord.PitchClasses.Contains(PitchClass.Of(chord.Root + 3));
        return new Key(ChordSpelling.Root(chord, key), minorThird ? KeyMode.Minor : KeyMode.Major).Spell(pitchClass);
    }
}

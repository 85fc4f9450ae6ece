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

    /// <summary>
    /// The note as <see cref="Of"/> spells it, except a chromatic passing note a semitone below the next note: that one
    /// rises by letter, raised from the letter below (B natural to C in Bb, not Cb to C; G# to A in C, not Ab to A).
    /// Falling notes keep the key's spelling, which is flat but for the raised fourth (F# to F reads as it should).
    /// </summary>
    public static SpelledPitch InLine(int pitch, ChordSymbol chord, Key key, MelodyEvent? next)
    {
        ArgumentNullException.ThrowIfNull(chord);
        ArgumentNullException.ThrowIfNull(key);
        var spelled = Of(pitch, chord, key);
        if (next?.Pitch is not { } nextPitch || nextPitch != pitch + 1 || spelled.Alter == key.SignatureAlter(spelled.Step)
            || ChordSpelling.IsChordTone(chord, pitch) || chord.Bass == PitchClass.Of(pitch))
        {
            return spelled;
        }

        var target = Of(nextPitch, next.Chord, key);
        var letter = Letters[(Array.IndexOf(Letters, target.Step) + 6) % 7];
        return ChordSpelling.Spellings(pitch).Where(s => s.Step == letter).DefaultIfEmpty(spelled).First();
    }

    private static readonly char[] Letters = ['C', 'D', 'E', 'F', 'G', 'A', 'B'];

    private static SpelledPitch Plain(SpelledPitch spelled, Key key) => Math.Abs(spelled.Alter) <= 1
        ? spelled
        : ChordSpelling.Spellings(spelled.PitchClass).OrderBy(s => Math.Abs(s.Alter - key.SignatureAlter(s.Step))).ThenBy(s => Math.Abs(s.Alter)).First();
}

using SithSynth.Domain.Music;
using SithSynth.Domain.Rendering;

namespace SithSynth.Domain.Tests.Rendering;

public class ChordSpellingTests
{
    [Theory]
    [InlineData("C", "Dbdim", "C#", "E G")]
    [InlineData("C", "Ebdim", "D#", "F# A")]
    [InlineData("C", "Abdim", "G#", "B D")]
    [InlineData("F", "Dbdim", "C#", "E G")]
    [InlineData("C", "Bdim", "B", "D F")]
    [InlineData("C", "F#dim", "F#", "A C")]
    [InlineData("C", "Eb", "Eb", "G Bb")]
    public void Chromatic_diminished_roots_read_as_raised_leading_notes_and_other_chords_keep_the_key_spelling(string key, string chord, string root, string upper)
    {
        var symbol = ChordSymbol.Parse(chord);
        var spelledKey = Key.Parse(key);

        Assert.Equal(root, ChordSpelling.Root(symbol, spelledKey).ToString());
        Assert.Equal(upper, string.Join(' ', symbol.PitchClasses.Skip(1).Select(pc => ChordSpelling.Tone(symbol, spelledKey, pc).ToString())));
    }

    [Fact]
    public void Chord_tones_are_spelled_by_interval_above_the_key_spelled_root()
    {
        var cMajor = Key.CMajor;
        var e = ChordSymbol.Parse("E");

        Assert.Equal(new SpelledPitch('G', 1), ChordSpelling.Tone(e, cMajor, 8)); // G#, where the key alone says Ab.
        Assert.Equal(new SpelledPitch('A', -1), cMajor.Spell(8));
        Assert.Equal(new SpelledPitch('B', -1), ChordSpelling.Tone(ChordSymbol.Parse("C/Bb"), cMajor, 10)); // A bass outside the chord: the key's spelling.
        Assert.Equal(new SpelledPitch('E', 0), ChordSpelling.Tone(ChordSymbol.Parse("Dm9"), cMajor, 4)); // The ninth on the letter after the root.
    }
}

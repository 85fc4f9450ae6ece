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

    [Theory]
    [InlineData("Am", "Ebmaj7", "Eb", "G Bb D")]
    [InlineData("F#m", "Cm9", "C", "Eb G Bb D")]
    [InlineData("C", "Dbmaj7", "Db", "F Ab C")]
    [InlineData("C", "E7", "E", "G# B D")]
    [InlineData("Gb", "B", "Cb", "Eb Gb")]
    [InlineData("C#", "Cdim", "B#", "D# F#")]
    [InlineData("C", "F#", "F#", "A# C#")]
    [InlineData("Eb", "Gbm", "F#", "A C#")]
    [InlineData("G#m", "Eb7", "D#", "F## A# C#")]
    public void A_chord_a_key_would_spell_with_double_accidentals_takes_its_other_name(string key, string chord, string root, string upper)
    {
        var symbol = ChordSymbol.Parse(chord);
        var spelledKey = Key.Parse(key);

        Assert.Equal(root, ChordSpelling.Root(symbol, spelledKey).ToString());
        Assert.Equal(upper, string.Join(' ', symbol.PitchClasses.Skip(1).Select(pc => ChordSpelling.Tone(symbol, spelledKey, pc).ToString())));
    }

    public static TheoryData<string> AllKeys => new(EngravingSheets.AllKeys);

    [Theory]
    [MemberData(nameof(AllKeys))]
    public void In_each_of_the_30_keys_no_chord_strays_two_steps_from_the_signature_and_the_key_s_own_chords_read_as_the_key_spells_them(string keyName)
    {
        var key = Key.Parse(keyName);
        foreach (var kind in Enum.GetValues<ChordKind>().Where(k => k != ChordKind.NoChord))
        {
            for (var root = 0; root < 12; root++)
            {
                var chord = new ChordSymbol(root, kind);
                var spelledRoot = ChordSpelling.Root(chord, key);
                Assert.Equal(root, spelledRoot.PitchClass);
                Assert.InRange(spelledRoot.Alter, -1, 1);
                foreach (var pc in chord.PitchClasses)
                {
                    var tone = ChordSpelling.Tone(chord, key, pc);
                    Assert.Equal(pc, tone.PitchClass);
                    // A double sharp or flat only where the signature already sharpens or flattens the letter (F## in G# minor).
                    Assert.True(Math.Abs(tone.Alter) <= 1 || Math.Abs(tone.Alter - key.SignatureAlter(tone.Step)) <= 1, $"{chord} in {keyName} spells {tone}.");
                }
            }
        }

        // The triads on the scale's degrees (with the raised seventh's dominant in minor) read as the key spells their roots.
        int[] degrees = key.Mode == KeyMode.Major ? [0, 2, 4, 5, 7, 9, 11] : [0, 2, 3, 5, 7, 8, 10];
        ChordKind[] qualities = key.Mode == KeyMode.Major
            ? [ChordKind.Major, ChordKind.Minor, ChordKind.Minor, ChordKind.Major, ChordKind.Dominant7, ChordKind.Minor, ChordKind.Diminished]
            : [ChordKind.Minor, ChordKind.Diminished, ChordKind.Major, ChordKind.Minor, ChordKind.Dominant7, ChordKind.Major, ChordKind.Major];
        for (var d = 0; d < 7; d++)
        {
            var root = PitchClass.Of(key.Tonic.PitchClass + degrees[d]);
            var chord = new ChordSymbol(root, qualities[d]);
            Assert.Equal(key.Spell(root), ChordSpelling.Root(chord, key));
            Assert.All(chord.PitchClasses, pc => Assert.Equal(
                key.Mode == KeyMode.Minor && qualities[d] == ChordKind.Dominant7 && pc == PitchClass.Of(key.Tonic.PitchClass + 11) ? 1 : 0,
                ChordSpelling.Tone(chord, key, pc).Alter - key.SignatureAlter(ChordSpelling.Tone(chord, key, pc).Step)));
        }
    }
}

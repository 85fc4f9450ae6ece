using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Music;

public class KeyTests
{
    public static TheoryData<string, int, string> Scales() => new()
    {
        // key, fifths, its scale (major, or natural minor) as the key spells it
        { "C", 0, "C D E F G A B" },
        { "G", 1, "G A B C D E F#" },
        { "F", -1, "F G A Bb C D E" },
        { "Eb", -3, "Eb F G Ab Bb C D" },
        { "C#", 7, "C# D# E# F# G# A# B#" },
        { "Cb", -7, "Cb Db Eb Fb Gb Ab Bb" },
        { "Gb", -6, "Gb Ab Bb Cb Db Eb F" },
        { "Am", 0, "A B C D E F G" },
        { "F#m", 3, "F# G# A B C# D E" },
        { "Bbm", -5, "Bb C Db Eb F Gb Ab" },
        { "D#m", 6, "D# E# F# G# A# B C#" },
        { "Abm", -7, "Ab Bb Cb Db Eb Fb Gb" },
    };

    [Theory]
    [MemberData(nameof(Scales))]
    public void Each_key_spells_its_own_scale_and_knows_its_signature(string name, int fifths, string scale)
    {
        var key = Key.Parse(name);
        var steps = key.Mode == KeyMode.Major ? new[] { 0, 2, 4, 5, 7, 9, 11 } : new[] { 0, 2, 3, 5, 7, 8, 10 };

        Assert.Equal(fifths, key.Fifths);
        Assert.Equal(scale, string.Join(' ', steps.Select(s => key.Spell(key.Tonic.PitchClass + s).ToString())));
    }

    [Fact]
    public void Every_key_spells_all_twelve_pitch_classes_on_seven_letters_with_at_most_double_alterations()
    {
        foreach (var name in AllKeys())
        {
            var key = Key.Parse(name);
            for (var pc = 0; pc < 12; pc++)
            {
                var spelled = key.Spell(pc);
                Assert.Equal(pc, spelled.PitchClass);
                Assert.InRange(spelled.Alter, -2, 2);
            }
        }
    }

    [Theory]
    [InlineData("F", 10, "Bb")]
    [InlineData("F", 3, "Eb")]
    [InlineData("D", 1, "C#")]
    [InlineData("Bb", 3, "Eb")]
    [InlineData("E", 8, "G#")]
    [InlineData("Am", 8, "G#")]
    [InlineData("Am", 6, "F#")]
    [InlineData("Dm", 1, "C#")]
    [InlineData("C", 10, "Bb")]
    [InlineData("C", 6, "F#")]
    public void Chromatic_and_diatonic_notes_take_the_expected_spelling(string key, int pitchClass, string expected) =>
        Assert.Equal(expected, Key.Parse(key).Spell(pitchClass).ToString());

    [Theory]
    [InlineData("C", 0)]
    [InlineData("G", 7 - 12)]
    [InlineData("F#", 6)]
    [InlineData("Gb", 6)]
    [InlineData("Eb", 3)]
    [InlineData("Am", 0)]
    [InlineData("Em", 7 - 12)]
    [InlineData("Cm", 3)]
    public void Music_moves_from_the_home_key_by_the_nearest_interval(string key, int semitones) =>
        Assert.Equal(semitones, Key.Parse(key).TranspositionFromHome);

    [Theory]
    [InlineData("H")]
    [InlineData("")]
    [InlineData("G#")]
    [InlineData("Fbm")]
    [InlineData("C##")]
    [InlineData("cm")]
    [InlineData("Ebmaj")]
    public void Keys_beyond_seven_accidentals_or_misspelt_are_refused(string text) =>
        Assert.False(Key.TryParse(text, out _));

    [Fact]
    public void A_sheet_moved_to_F_spells_its_subdominant_chord_Bb_not_A_sharp()
    {
        var chord = new ChordSymbol(5, ChordKind.Major); // F in C, the IV chord
        var key = Key.Parse("F");
        var moved = chord.Transpose(key.TranspositionFromHome);

        Assert.Equal("Bb", key.Spell(moved.Root).ToString());
    }

    [Theory]
    [InlineData("C", 'F', 0)]
    [InlineData("G", 'F', 1)]
    [InlineData("D", 'C', 1)]
    [InlineData("D", 'G', 0)]
    [InlineData("F", 'B', -1)]
    [InlineData("Eb", 'A', -1)]
    [InlineData("Eb", 'D', 0)]
    [InlineData("F#m", 'C', 1)]
    [InlineData("Cb", 'F', -1)]
    public void The_signature_alters_exactly_its_letters(string key, char step, int alter) =>
        Assert.Equal(alter, Key.Parse(key).SignatureAlter(step));

    internal static IEnumerable<string> AllKeys() =>
        new[] { "Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#" }
            .SelectMany(t => new[] { t, Key.Parse(t).Spell(Key.Parse(t).Tonic.PitchClass + 9) + "m" })
            .Where(k => Key.TryParse(k, out _));
}

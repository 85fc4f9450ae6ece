using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Music;

public class ChordSymbolTests
{
    [Theory]
    [InlineData("C")]
    [InlineData("Ebm7")]
    [InlineData("F#dim")]
    [InlineData("Bbmaj7")]
    [InlineData("Abm9")]
    [InlineData("G9")]
    [InlineData("C/E")]
    [InlineData("N.C.")]
    public void Names_round_trip(string name) => Assert.Equal(name, ChordSymbol.Parse(name).ToString());

    [Theory]
    [InlineData("Cmaj9", false)]
    [InlineData("H7", false)]
    [InlineData("C/X", false)]
    [InlineData("", false)]
    public void Unknown_names_are_refused(string name, bool valid) => Assert.Equal(valid, ChordSymbol.TryParse(name, out _));

    [Theory]
    [InlineData("major-sixth", ChordKind.Major)]
    [InlineData("half-diminished", ChordKind.Diminished)]
    [InlineData("dominant-13th", ChordKind.Dominant9)]
    [InlineData("major-ninth", ChordKind.Major7)]
    [InlineData("minor-11th", ChordKind.Minor9)]
    [InlineData("suspended-fourth", ChordKind.Major)]
    [InlineData("none", ChordKind.NoChord)]
    public void MusicXml_kinds_fold_onto_the_model_kinds(string kind, ChordKind expected) =>
        Assert.Equal(expected, ChordSymbol.Normalize(kind));

    [Fact]
    public void Transposition_moves_root_and_bass_and_leaves_no_chord_alone()
    {
        Assert.Equal("D/F#", ChordSymbol.Parse("C/E").Transpose(2).ToString());
        Assert.Equal("Bm7", ChordSymbol.Parse("Dm7").Transpose(-3).ToString());
        Assert.Same(ChordSymbol.NoChord, ChordSymbol.NoChord.Transpose(5));
    }
}

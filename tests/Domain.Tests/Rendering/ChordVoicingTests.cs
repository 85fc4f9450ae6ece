using SithSynth.Domain.Music;
using SithSynth.Domain.Rendering;

namespace SithSynth.Domain.Tests.Rendering;

public class ChordVoicingTests
{
    [Fact]
    public void Voicings_sit_round_middle_c_with_a_slash_bass_just_below()
    {
        Assert.Equal([60, 64, 67], ChordVoicing.Pitches(ChordSymbol.Parse("C")));
        Assert.Equal([53, 57, 60], ChordVoicing.Pitches(ChordSymbol.Parse("F")));
        Assert.Equal([64, 67, 71], ChordVoicing.Pitches(ChordSymbol.Parse("Em")));
        Assert.Equal([52, 60, 64, 67], ChordVoicing.Pitches(ChordSymbol.Parse("C/E")));
        Assert.Equal([48, 60, 64, 67], ChordVoicing.Pitches(ChordSymbol.Parse("C/C")));
        Assert.Equal([62, 65, 69, 72, 76], ChordVoicing.Pitches(ChordSymbol.Parse("Dm9")));
        Assert.Empty(ChordVoicing.Pitches(ChordSymbol.NoChord));
    }
}

using SithSynth.Domain.Music;
using SithSynth.Domain.Rendering;

namespace SithSynth.Domain.Tests.Rendering;

public class ChordVoicingTests
{
    [Fact]
    public void Voicings_sit_in_the_left_hand_with_a_slash_bass_just_below()
    {
        Assert.Equal([48, 52, 55], ChordVoicing.Pitches(ChordSymbol.Parse("C")));
        Assert.Equal([47, 50, 54], ChordVoicing.Pitches(ChordSymbol.Parse("Bm")));
        Assert.Equal([46, 50, 53], ChordVoicing.Pitches(ChordSymbol.Parse("Bb")));
        Assert.Equal([52, 55, 59], ChordVoicing.Pitches(ChordSymbol.Parse("Em")));
        Assert.Equal([40, 48, 52, 55], ChordVoicing.Pitches(ChordSymbol.Parse("C/E")));
        Assert.Equal([36, 48, 52, 55], ChordVoicing.Pitches(ChordSymbol.Parse("C/C")));
        Assert.Equal([50, 53, 57, 60, 64], ChordVoicing.Pitches(ChordSymbol.Parse("Dm9")));
        Assert.Empty(ChordVoicing.Pitches(ChordSymbol.NoChord));
    }

    [Fact]
    public void No_triad_needs_more_than_one_ledger_line_nor_a_seventh_chord_two_on_the_bass_staff()
    {
        // Bass clef: the top line is A3 (57); ledger lines above it are middle C (60) and E4 (64); F4 (65) sits on the second.
        foreach (var root in Enumerable.Range(0, 12))
        {
            foreach (var kind in new[] { "", "m", "dim" })
            {
                Assert.InRange(ChordVoicing.Pitches(ChordSymbol.Parse(PitchClass.Name(root) + kind)).Max(), 48, 62);
            }

            foreach (var kind in new[] { "7", "maj7", "m7" })
            {
                Assert.InRange(ChordVoicing.Pitches(ChordSymbol.Parse(PitchClass.Name(root) + kind)).Max(), 53, 65);
            }
        }
    }
}

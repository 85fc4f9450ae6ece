using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Decoding;

public class HarmonicMinorRuleTests
{
    private static RulePlayer Player(KeyMode mode) => new("4/4", new HarmonicMinorRule(mode));

    [Fact]
    public void In_minor_the_chord_on_the_fifth_is_major()
    {
        var player = Player(KeyMode.Minor).Play("chord:Am note:57 dur:2");

        Assert.False(player.Allows("chord:Em"));
        Assert.False(player.Allows("chord:Em7"));
        Assert.True(player.Allows("chord:E"));
        Assert.True(player.Allows("chord:E7"));
        Assert.True(player.Allows("chord:Dm"));
    }

    [Fact]
    public void Over_the_dominant_the_melody_raises_the_seventh()
    {
        var player = Player(KeyMode.Minor).Play("chord:Am note:57 dur:1 chord:E7");
        Assert.False(player.Allows("note:67"));
        Assert.False(player.Allows("note:55"));
        Assert.True(player.Allows("note:68"));
        Assert.True(player.Allows("note:rest"));

        Assert.True(player.Play("note:68 dur:1 chord:C").Allows("note:67"));
    }

    [Fact]
    public void A_natural_seventh_is_not_held_into_the_dominant()
    {
        var player = Player(KeyMode.Minor).Play("chord:C note:67 dur:1 chord:E7");
        Assert.False(player.Allows("tie"));

        Assert.True(Player(KeyMode.Minor).Play("chord:Am note:69 dur:1 chord:E7").Allows("tie"));
    }

    [Fact]
    public void Major_sheets_keep_the_minor_five_chord_and_the_natural_seventh()
    {
        var player = Player(KeyMode.Major).Play("chord:C note:60 dur:1");
        Assert.True(player.Allows("chord:Em"));
        Assert.True(player.Play("chord:E").Allows("note:67"));
    }

    [Fact]
    public void Decoded_minor_sheets_use_the_major_dominant_whatever_the_model_scores()
    {
        var bars = ConstrainedDecoderTests.Conditions(TimeSignature.Common, 24).Select(c => c with { Mode = KeyMode.Minor }).ToList();
        var events = new ConstrainedDecoder(new StandInModel(Scoring.Random, 11)).Decode(bars, new SamplingOptions(), 3).Measures.SelectMany(m => m.Events).ToList();

        Assert.Contains(events, e => e.Chord.Root == 4);
        Assert.DoesNotContain(events, e => e.Chord.Root == 4 && e.Chord.Kind is ChordKind.Minor or ChordKind.Minor7 or ChordKind.Minor9);
        Assert.DoesNotContain(events, e => e.Chord.Root == 4 && e.Pitch % 12 == 7);
    }
}

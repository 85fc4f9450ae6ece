using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Decoding;

public class CadenceRuleTests
{
    // Two bars, the second final.
    private static RulePlayer Player(KeyMode mode = KeyMode.Major, bool engaged = true) =>
        new("4/4", new CadenceRule(RulePlayer.Tokens, mode, 2, engaged), bars: 2);

    [Fact]
    public void The_final_bar_opens_on_the_dominant_when_the_bar_before_does_not_end_on_it()
    {
        var player = Player().Play("chord:C note:60 dur:2 chord:F note:65 dur:2 bar");

        Assert.True(player.Allows("chord:G"));
        Assert.True(player.Allows("chord:G7"));
        Assert.False(player.Allows("chord:C"));
        Assert.False(player.Allows("chord:F"));
        Assert.False(player.Allows("chord:Dm7"));
    }

    [Fact]
    public void The_dominant_moves_to_the_tonic_once_and_the_tonic_holds()
    {
        var player = Player().Play("chord:C note:60 dur:4 bar chord:G7 note:62 dur:2");
        Assert.True(player.Allows("chord:C"));
        Assert.True(player.Allows("chord:G7"));
        Assert.False(player.Allows("chord:Am"));

        player.Play("chord:C note:60 dur:1");
        Assert.True(player.Allows("chord:C"));
        Assert.False(player.Allows("chord:Cmaj7"));
        Assert.False(player.Allows("chord:G7"));
    }

    [Fact]
    public void A_dominant_at_the_end_of_the_bar_before_lets_the_final_bar_open_on_the_tonic()
    {
        var player = Player().Play("chord:F note:65 dur:2 chord:G note:67 dur:2 bar");

        Assert.True(player.Allows("chord:C"));
        Assert.True(player.Allows("chord:Cmaj7"));
    }

    [Fact]
    public void In_minor_the_dominant_is_major_and_resolves_to_the_minor_tonic()
    {
        var player = Player(KeyMode.Minor).Play("chord:Am note:57 dur:4 bar");
        Assert.True(player.Allows("chord:E"));
        Assert.True(player.Allows("chord:E7"));
        Assert.False(player.Allows("chord:Em"));
        Assert.False(player.Allows("chord:Am"));

        player.Play("chord:E7 note:56 dur:2");
        Assert.True(player.Allows("chord:Am"));
        Assert.False(player.Allows("chord:A"));
    }

    [Fact]
    public void Earlier_bars_and_sheets_without_the_cadence_are_left_alone()
    {
        Assert.True(Player().Allows("chord:Dm7"));
        Assert.True(Player(engaged: false).Play("chord:C note:60 dur:4 bar").Allows("chord:F"));
    }

    [Fact]
    public void A_share_of_decoded_sheets_close_dominant_to_tonic_whatever_the_model_scores()
    {
        var model = new StandInModel(Scoring.Random, 7);
        var decoder = new ConstrainedDecoder(model);
        var bars = ConstrainedDecoderTests.Conditions(TimeSignature.Common, 4);
        const int Sheets = 300;
        var cadences = 0;
        for (var seed = 0; seed < Sheets; seed++)
        {
            var events = decoder.Decode(bars, new SamplingOptions(), (ulong)seed).Measures.SelectMany(m => m.Events).ToList();
            var before = events.LastOrDefault(e => e.Chord != events[^1].Chord)?.Chord;
            cadences += before is { Root: 7, Kind: ChordKind.Major or ChordKind.Dominant7 } ? 1 : 0;
        }

        // Random scores reach V→I by chance about once in fifty; the rule adds its share on top.
        var share = cadences / (double)Sheets;
        Assert.InRange(share, CadenceRule.Share - 0.08, CadenceRule.Share + 0.1);
    }
}

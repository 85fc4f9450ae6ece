using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Decoding;

public class OpeningRuleTests
{
    private static BarCondition First(int valence, KeyMode mode = KeyMode.Major) => new(TimeSignature.Common, PhrasePosition.Start1, valence, Density.Med, mode);

    [Fact]
    public void An_engaged_major_sheet_opens_on_the_tonic_and_is_free_after()
    {
        var player = new RulePlayer("4/4", new OpeningRule(RulePlayer.Tokens, First(2), engaged: true));

        Assert.True(player.Allows("chord:C"));
        Assert.True(player.Allows("chord:Cmaj7"));
        Assert.False(player.Allows("chord:G7"));
        Assert.False(player.Allows("chord:Am"));
        Assert.True(player.Play("chord:C note:60 dur:1").Allows("chord:G7"));
    }

    [Theory]
    [InlineData(2, KeyMode.Major, true, true)]
    [InlineData(1, KeyMode.Major, true, true)]
    [InlineData(0, KeyMode.Major, true, true)]
    [InlineData(-1, KeyMode.Major, true, false)]
    [InlineData(-2, KeyMode.Major, true, false)]
    [InlineData(2, KeyMode.Major, false, false)]
    [InlineData(2, KeyMode.Minor, true, false)]
    public void It_engages_only_where_drawn_in_major_and_near_the_tonics_valence(int valence, KeyMode mode, bool drawn, bool engaged) =>
        Assert.Equal(engaged, new OpeningRule(RulePlayer.Tokens, First(valence, mode), drawn).Engaged);

    [Fact]
    public void Decoded_happy_major_sheets_open_on_I_in_about_the_drawn_share_or_more()
    {
        var bars = PhrasePlan.For(8).Select(p => new BarCondition(TimeSignature.Common, p, 2, Density.Med)).ToList();
        var onTonic = 0;
        const int Sheets = 60;
        for (var seed = 0UL; seed < Sheets; seed++)
        {
            var first = new ConstrainedDecoder(new StandInModel(Scoring.Random, seed)).Decode(bars, new SamplingOptions(), seed).Measures[0].Events[0].Chord;
            onTonic += first.Root == 0 && first.Kind is ChordKind.Major or ChordKind.Major7 ? 1 : 0;
        }

        // A random model opens on C or Cmaj7 rarely by itself; the rule adds about 55 % of sheets.
        Assert.InRange(onTonic, (int)(Sheets * 0.35), (int)(Sheets * 0.8));
    }
}

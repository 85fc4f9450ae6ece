using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Decoding;

public class MidBarRuleTests
{
    private static RulePlayer Player(string meter = "6/8")
    {
        var timeSignature = TimeSignature.Parse(meter);
        return new RulePlayer(meter, new MidBarRule(timeSignature, new DurationFill(RulePlayer.Tokens.Durations, timeSignature.BarLength)));
    }

    [Theory]
    [InlineData("dur:1/2", true)]
    [InlineData("dur:1", true)]
    [InlineData("dur:3/4", true)]
    [InlineData("dur:3/2", false)]
    [InlineData("dur:2", false)]
    public void A_note_in_the_first_half_of_6_8_ends_by_the_middle(string duration, bool allowed)
    {
        Assert.Equal(allowed, Player().Play("chord:C note:60 dur:1/2 chord:C note:62").Allows(duration));
    }

    [Fact]
    public void From_the_downbeat_only_the_whole_bar_crosses_the_middle()
    {
        var player = Player().Play("chord:C note:60");

        Assert.True(player.Allows("dur:3"));
        Assert.True(player.Allows("dur:3/2"));
        Assert.False(player.Allows("dur:2"));
        // 4/3 ends before the middle but leaves a sixth, which no duration fills.
        Assert.False(player.Allows("dur:4/3"));
    }

    [Fact]
    public void A_tie_does_not_carry_a_note_over_the_middle()
    {
        Assert.False(Player().Play("chord:C note:60 dur:3/2 chord:C").Allows("tie"));
        Assert.True(Player().Play("chord:C note:60 dur:1 chord:C").Allows("tie"));
        Assert.True(Player().Play("chord:C note:60 dur:3/2 chord:C note:62 dur:3/2 bar chord:C").Allows("tie"));
    }

    [Fact]
    public void The_second_half_and_other_meters_are_free()
    {
        Assert.True(Player().Play("chord:C note:60 dur:3/2 chord:C note:62 dur:1/2 chord:C note:64").Allows("dur:1"));
        Assert.True(Player("4/4").Play("chord:C note:60 dur:1 chord:C note:62").Allows("dur:2"));
        Assert.True(Player("12/8").Play("chord:C note:60 dur:1 chord:C note:62").Allows("dur:3"));
    }

    [Fact]
    public void Decoded_6_8_sheets_keep_both_halves_whatever_the_model_scores()
    {
        var meter = TimeSignature.Parse("6/8");
        var middle = new Duration(3, 2);
        for (var seed = 0UL; seed < 6; seed++)
        {
            var decoded = new ConstrainedDecoder(new StandInModel(Scoring.Random, seed)).Decode(ConstrainedDecoderTests.Conditions(meter, 16), new SamplingOptions(), seed);
            foreach (var measure in decoded.Measures)
            {
                var onset = Duration.Zero;
                foreach (var e in measure.Events)
                {
                    var crosses = onset < middle && onset + e.Duration > middle;
                    Assert.False(crosses && e.Duration != meter.BarLength, $"{e.Duration} at {onset}");
                    Assert.False(e.Tied && onset == middle, "a tie at the middle");
                    onset += e.Duration;
                }
            }
        }
    }
}

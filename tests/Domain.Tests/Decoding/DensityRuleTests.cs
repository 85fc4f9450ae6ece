using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Decoding;

public class DensityRuleTests
{
    private static RulePlayer Player(params Density[] densities) =>
        new("4/4", new DensityRule([.. densities.Select(d => new BarCondition(TimeSignature.Common, PhrasePosition.Inner, 0, d))]), bars: densities.Length);

    [Fact]
    public void A_low_bar_takes_no_third_note_but_holds_and_rests()
    {
        var player = Player(Density.Low, Density.Low).Play("chord:C note:60 dur:1 chord:C note:62 dur:1 chord:C");

        Assert.False(player.Allows("note:64"));
        Assert.True(player.Allows("tie"));
        Assert.True(player.Allows("note:rest"));
    }

    [Fact]
    public void Ties_and_rests_are_no_notes_and_the_count_starts_again_each_bar()
    {
        var player = Player(Density.Low, Density.Med).Play("chord:C note:60 dur:1 chord:C tie dur:1 chord:C note:rest dur:1 chord:C");
        Assert.True(player.Allows("note:64"));

        player.Play("note:64 dur:1 bar chord:C note:60 dur:1 chord:C note:62 dur:1 chord:C note:64 dur:1/2 chord:C note:65 dur:1/2 chord:C");
        Assert.False(player.Allows("note:67"));
    }

    [Fact]
    public void A_high_bar_has_no_most()
    {
        var player = Player(Density.High).Play(string.Concat(Enumerable.Repeat("chord:C note:60 dur:1/2 ", 7)) + "chord:C");

        Assert.True(player.Allows("note:62"));
    }

    [Fact]
    public void Decoded_bars_never_overflow_their_bins_whatever_the_model_scores_but_the_final_bar_must_end()
    {
        var bars = PhrasePlan.For(8).Select((p, i) => new BarCondition(TimeSignature.Parse("12/8"), p, 0, i % 2 == 0 ? Density.Low : Density.Med)).ToList();
        for (var seed = 0UL; seed < 6; seed++)
        {
            var measures = new ConstrainedDecoder(new StandInModel(Scoring.Random, seed)).Decode(bars, new SamplingOptions(), seed).Measures;
            // The final bar's ending (a tonic note after the last change) outranks the rule, as every grammar mask does.
            for (var bar = 0; bar < measures.Count - 1; bar++)
            {
                var notes = measures[bar].Events.Count(e => !e.IsRest && !e.Tied);
                Assert.True(notes <= (bar % 2 == 0 ? 2 : 4), $"seed {seed}, bar {bar + 1}: {notes} notes");
            }
        }
    }
}

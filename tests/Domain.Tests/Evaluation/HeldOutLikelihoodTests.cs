using SithSynth.Domain.Evaluation;

namespace SithSynth.Domain.Tests.Evaluation;

public class HeldOutLikelihoodTests
{
    [Fact]
    public void A_uniform_model_costs_ln_of_the_vocabulary_per_token()
    {
        var model = new UniformModel(3.7f);
        var heldOut = HeldOutSheets.Create(model.Tokens);

        var score = HeldOutLikelihood.Measure(model, heldOut.Sequences, parallelism: 2);

        var tokens = heldOut.Sequences.Sum(s => s.Tokens.Tokens.Count - 1);
        Assert.Equal(tokens, score.Tokens);

        // Seven events in the first sheet's three bars, one in the second.
        Assert.Equal(8, score.Events);
        Assert.Equal(Math.Log(model.Tokens.Count), score.NllPerToken, 9);
        Assert.Equal(Math.Log(model.Tokens.Count) * tokens / 8, score.NllPerEvent, 9);
    }

    [Fact]
    public void Negative_log_softmax_is_exact_and_stable_for_huge_logits()
    {
        // Softmax of [0, ln 3] is [¼, ¾].
        Assert.Equal(-Math.Log(0.75), HeldOutLikelihood.NegativeLogSoftmax([0f, (float)Math.Log(3)], 1), 6);
        Assert.Equal(-Math.Log(0.25), HeldOutLikelihood.NegativeLogSoftmax([1e30f, 1e30f + 0, 1e30f, 1e30f], 2), 6);
        Assert.Equal(0, HeldOutLikelihood.NegativeLogSoftmax([1000f, 0f], 0), 9);
    }

    [Fact]
    public void A_sequence_without_one_position_per_predicted_token_is_refused()
    {
        var model = new UniformModel(0);
        var sequence = HeldOutSheets.Create(model.Tokens).Sequences[0];
        var broken = sequence with { Tokens = sequence.Tokens with { Bars = [.. sequence.Tokens.Bars.Skip(1)] } };

        Assert.Throws<ArgumentException>(() => HeldOutLikelihood.Measure(model, [broken]));
    }
}

using SithSynth.Domain.Models;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// Scores held-out sheets under a model by teacher forcing: each true token is fed in turn and the model is charged
/// −log softmax(logits)[next true token]. The raw distribution is scored, without the decoder's grammar mask, so
/// the figure matches the training loss.
/// </summary>
public static class HeldOutLikelihood
{
    public static LikelihoodScore Measure(INextTokenModel model, IReadOnlyList<HeldOutSequence> sequences, int parallelism = 1)
    {
        if (sequences.Count == 0)
        {
            throw new ArgumentException("Scoring likelihood needs at least one held-out sequence.", nameof(sequences));
        }

        // Checked before the threads start so a broken sequence surfaces as itself, not inside an AggregateException.
        foreach (var sequence in sequences)
        {
            Check(sequence);
        }

        var sums = new double[sequences.Count];
        Parallel.For(0, sequences.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, i => sums[i] = Sequence(model, sequences[i]));

        // Summed in sequence order so the figure does not depend on thread timing.
        var total = sums.Sum();
        var tokens = sequences.Sum(s => (long)s.Tokens.Tokens.Count - 1);
        var events = sequences.Sum(s => (long)s.Tokens.Tokens.Count(t => model.Tokens[t].Kind == TokenKind.Duration));
        return new LikelihoodScore(sequences.Count, tokens, events, total / Math.Max(tokens, 1), total / Math.Max(events, 1));
    }

    /// <summary>The summed negative log-likelihood, in nats, of every token after the first.</summary>
    public static double Sequence(INextTokenModel model, HeldOutSequence sequence)
    {
        Check(sequence);
        var tokens = sequence.Tokens.Tokens;
        using var session = model.Start(sequence.Conditions);
        var sum = 0.0;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var logits = session.Advance(tokens[i], sequence.Tokens.Bars[i], sequence.Tokens.Onsets[i]);
            sum += NegativeLogSoftmax(logits, tokens[i + 1]);
        }

        return sum;
    }

    private static void Check(HeldOutSequence sequence)
    {
        var predicted = sequence.Tokens.Tokens.Count - 1;
        if (sequence.Tokens.Bars.Count != predicted || sequence.Tokens.Onsets.Count != predicted)
        {
            throw new ArgumentException($"'{sequence.Piece}' needs one bar and one onset per predicted token.", nameof(sequence));
        }
    }

    /// <summary>−log softmax(logits)[target], shifted by the largest logit so exp never overflows.</summary>
    public static double NegativeLogSoftmax(ReadOnlySpan<float> logits, int target)
    {
        var max = double.NegativeInfinity;
        foreach (var logit in logits)
        {
            max = Math.Max(max, logit);
        }

        var sum = 0.0;
        foreach (var logit in logits)
        {
            sum += Math.Exp(logit - max);
        }

        return Math.Log(sum) - (logits[target] - max);
    }
}

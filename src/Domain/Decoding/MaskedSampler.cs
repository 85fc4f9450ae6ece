using SithSynth.Domain.Randomness;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// Draws one token from logits restricted to an allowed set, with temperature and optional nucleus (top-p)
/// sampling. Hostile scores are tamed rather than trusted: NaN counts as impossible, +∞ as certain, and when no
/// allowed token has any probability the draw is uniform over the allowed ones. Buffers are reused between draws.
/// </summary>
public sealed class MaskedSampler(int vocabularySize, SamplingOptions options)
{
    private readonly double[] _weights = new double[vocabularySize];
    private readonly List<int> _nucleus = new(vocabularySize);

    public readonly record struct Draw(int Token, bool Intervened, double MaskedProbability);

    public Draw Sample(ReadOnlySpan<float> logits, List<int> allowed, SeededRandom random)
    {
        if (logits.Length != vocabularySize)
        {
            throw new InvalidOperationException($"The model returned {logits.Length} scores for a vocabulary of {vocabularySize} tokens.");
        }

        // The model's own preference over the whole vocabulary, to report how often the grammar overruled it.
        var favourite = 0;
        var overallMax = double.NegativeInfinity;
        for (var i = 0; i < logits.Length; i++)
        {
            var z = Scaled(logits[i]);
            if (z > overallMax)
            {
                overallMax = z;
                favourite = i;
            }
        }

        var allowedMax = double.NegativeInfinity;
        foreach (var id in allowed)
        {
            allowedMax = Math.Max(allowedMax, Scaled(logits[id]));
        }

        var total = 0.0;
        var allowedTotal = 0.0;
        if (!double.IsNegativeInfinity(overallMax))
        {
            for (var i = 0; i < logits.Length; i++)
            {
                total += Math.Exp(Scaled(logits[i]) - overallMax);
            }

            foreach (var id in allowed)
            {
                allowedTotal += Math.Exp(Scaled(logits[id]) - overallMax);
            }
        }

        var masked = total > 0 ? Math.Clamp(1 - (allowedTotal / total), 0, 1) : 0;
        var intervened = !allowed.Contains(favourite);

        var sum = 0.0;
        foreach (var id in allowed)
        {
            _weights[id] = double.IsNegativeInfinity(allowedMax) ? 1 : Math.Exp(Scaled(logits[id]) - allowedMax);
            sum += _weights[id];
        }

        var candidates = Nucleus(allowed, ref sum);
        var target = random.NextDouble() * sum;
        var chosen = candidates[^1];
        foreach (var id in candidates)
        {
            target -= _weights[id];
            if (target < 0)
            {
                chosen = id;
                break;
            }
        }

        return new Draw(chosen, intervened, masked);
    }

    private List<int> Nucleus(List<int> allowed, ref double sum)
    {
        if (options.TopP is not { } topP || topP >= 1)
        {
            return allowed;
        }

        _nucleus.Clear();
        _nucleus.AddRange(allowed);
        _nucleus.Sort((a, b) => _weights[b].CompareTo(_weights[a]) is var byWeight && byWeight != 0 ? byWeight : a.CompareTo(b));
        var kept = 0.0;
        var count = 0;
        while (count < _nucleus.Count && (count == 0 || kept < topP * sum))
        {
            kept += _weights[_nucleus[count]];
            count++;
        }

        _nucleus.RemoveRange(count, _nucleus.Count - count);
        sum = kept;
        return _nucleus;
    }

    private double Scaled(float logit) => double.IsNaN(logit) ? double.NegativeInfinity
        : float.IsPositiveInfinity(logit) ? double.MaxValue / 4
        : logit / options.Temperature;
}

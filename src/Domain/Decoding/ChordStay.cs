namespace SithSynth.Domain.Decoding;

/// <summary>How likely the model is to keep the sounding chord at a chord slot, among a set of chord tokens.</summary>
internal static class ChordStay
{
    /// <summary>The probability of <paramref name="current"/> among <paramref name="ids"/>; null when a score is not finite (no wish is read from it).</summary>
    public static double? Probability(ReadOnlySpan<float> logits, IReadOnlyList<int> ids, int current, double temperature)
    {
        var max = double.NegativeInfinity;
        foreach (var id in ids)
        {
            if (!float.IsFinite(logits[id]))
            {
                return null;
            }

            max = Math.Max(max, logits[id] / temperature);
        }

        double total = 0, stay = 0;
        foreach (var id in ids)
        {
            var weight = Math.Exp((logits[id] / temperature) - max);
            total += weight;
            stay += id == current ? weight : 0;
        }

        return total > 0 ? stay / total : null;
    }
}

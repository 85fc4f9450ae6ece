namespace SithSynth.Domain.Evaluation;

/// <summary>
/// Spearman's rank correlation: the Pearson correlation of the ranks, tied values sharing the mean of their ranks.
/// Ties matter here because every sheet of a grid cell requests the same valence.
/// </summary>
public static class RankCorrelation
{
    /// <summary>In −1..1; 0 when either side has no spread (nothing to rank).</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"Both samples need the same length ({x.Count} and {y.Count}).", nameof(y));
        }

        return x.Count < 2 ? 0 : Pearson(Ranks(x), Ranks(y));
    }

    /// <summary>1-based ranks; a run of equal values gets the average of the ranks it spans.</summary>
    public static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var shared = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = shared;
            }

            start = end + 1;
        }

        return ranks;
    }

    private static double Pearson(double[] x, double[] y)
    {
        var meanX = x.Average();
        var meanY = y.Average();
        double covariance = 0, varianceX = 0, varianceY = 0;
        for (var i = 0; i < x.Length; i++)
        {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            varianceX += (x[i] - meanX) * (x[i] - meanX);
            varianceY += (y[i] - meanY) * (y[i] - meanY);
        }

        return varianceX == 0 || varianceY == 0 ? 0 : covariance / Math.Sqrt(varianceX * varianceY);
    }
}

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// Distances between two 12-bin pitch-class histograms, each normalised to sum to one first. Total variation is
/// the share of notes that would have to change pitch class to turn one profile into the other (0..1), so it reads
/// directly against the 15% target; Jensen–Shannon (base 2, 0..1) is reported beside it as the smoother measure.
/// </summary>
public static class PitchClassDistance
{
    public static double TotalVariation(IReadOnlyList<double> p, IReadOnlyList<double> q)
    {
        var (a, b) = (Normalize(p), Normalize(q));
        return 0.5 * a.Zip(b, (x, y) => Math.Abs(x - y)).Sum();
    }

    public static double JensenShannon(IReadOnlyList<double> p, IReadOnlyList<double> q)
    {
        var (a, b) = (Normalize(p), Normalize(q));
        var mean = a.Zip(b, (x, y) => (x + y) / 2).ToArray();
        return (0.5 * KullbackLeibler(a, mean)) + (0.5 * KullbackLeibler(b, mean));
    }

    private static double KullbackLeibler(double[] p, double[] q)
    {
        var sum = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            // 0·log 0 is 0; q is a mixture containing p, so q > 0 wherever p > 0.
            sum += p[i] > 0 ? p[i] * Math.Log2(p[i] / q[i]) : 0;
        }

        return sum;
    }

    private static double[] Normalize(IReadOnlyList<double> histogram)
    {
        if (histogram.Count != 12 || histogram.Any(v => v < 0 || !double.IsFinite(v)))
        {
            throw new ArgumentException("A pitch-class histogram has 12 non-negative finite bins.", nameof(histogram));
        }

        var total = histogram.Sum();
        return total == 0 ? new double[12] : [.. histogram.Select(v => v / total)];
    }
}

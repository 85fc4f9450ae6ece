namespace SithSynth.Cli.Benchmarks;

/// <summary>Nearest-rank percentiles of request latencies, as the API benchmarks report them.</summary>
internal static class Latencies
{
    public static double Median(IEnumerable<double> values) => Percentile(values, 0.5);

    public static double Percentile(IEnumerable<double> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Round(share * (sorted.Count - 1)))];
    }
}

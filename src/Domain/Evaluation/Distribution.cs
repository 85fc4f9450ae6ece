namespace SithSynth.Domain.Evaluation;

/// <summary>Counts over named outcomes (interval classes, durations), compared by total-variation distance.</summary>
public sealed class Distribution<T>
    where T : notnull
{
    private readonly Dictionary<T, double> _counts = [];

    public double Total { get; private set; }

    public void Add(T outcome, double weight = 1)
    {
        _counts[outcome] = _counts.GetValueOrDefault(outcome) + weight;
        Total += weight;
    }

    public double Share(T outcome) => Total == 0 ? 0 : _counts.GetValueOrDefault(outcome) / Total;

    public IReadOnlyDictionary<T, double> Counts => _counts;

    /// <summary>Half the summed absolute difference of the shares, 0 (same) to 1 (disjoint); null when either side is empty.</summary>
    public double? TotalVariation(Distribution<T> other)
    {
        if (Total == 0 || other.Total == 0)
        {
            return null;
        }

        return 0.5 * _counts.Keys.Union(other._counts.Keys).Sum(k => Math.Abs(Share(k) - other.Share(k)));
    }
}

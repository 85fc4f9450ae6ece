namespace SithSynth.Pipeline.Admission;

/// <summary>The ledger of one process (serve on the in-memory engine, where there is no second instance to agree with).</summary>
public sealed class InMemoryAdmissionLedger : IAdmissionLedger
{
    private readonly Dictionary<string, (long Window, int Used)> _buckets = new(StringComparer.Ordinal);

    public Task<LedgerEntry> TryConsumeAsync(string bucket, long window, int cost, int budget, CancellationToken cancellationToken = default)
    {
        lock (_buckets)
        {
            // Old windows are dropped as their buckets come back, and all of them when the map grows large.
            if (_buckets.Count > 100_000)
            {
                foreach (var stale in _buckets.Where(b => b.Value.Window < window).Select(b => b.Key).ToList())
                {
                    _buckets.Remove(stale);
                }
            }

            var used = _buckets.TryGetValue(bucket, out var entry) && entry.Window == window ? entry.Used : 0;
            if (used + cost > budget)
            {
                return Task.FromResult(new LedgerEntry(false, used));
            }

            _buckets[bucket] = (window, used + cost);
            return Task.FromResult(new LedgerEntry(true, used + cost));
        }
    }
}

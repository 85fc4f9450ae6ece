using SithSynth.Pipeline.Idempotency;

namespace SithSynth.Pipeline.Admission;

/// <summary>The ledger of one process (serve on the in-memory engine, where there is no second instance to agree with).</summary>
public sealed class InMemoryAdmissionLedger : AdmissionLedger
{
    /// <summary>Above this many buckets, those untouched for a day (the longest window) are dropped.</summary>
    private const int Crowd = 100_000;

    private readonly Dictionary<string, (DateTime Touched, string Text)> _buckets = new(StringComparer.Ordinal);
    private readonly KeyedLock _turns = new();

    protected override async Task<T> UpdateAsync<T>(string bucket, Func<string?, CancellationToken, Task<LedgerUpdate<T>>> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);

        // One decision per bucket at a time: a decision may wait on the engine, so a lock cannot be held across it.
        using (await _turns.EnterAsync(bucket, cancellationToken).ConfigureAwait(false))
        {
            string? text;
            lock (_buckets)
            {
                text = _buckets.TryGetValue(bucket, out var entry) ? entry.Text : null;
            }

            var update = await decide(text, cancellationToken).ConfigureAwait(false);
            if (update.Write is { } written)
            {
                lock (_buckets)
                {
                    if (_buckets.Count > Crowd)
                    {
                        var old = DateTime.UtcNow.AddDays(-1);
                        foreach (var stale in _buckets.Where(b => b.Value.Touched < old).Select(b => b.Key).ToList())
                        {
                            _buckets.Remove(stale);
                        }
                    }

                    _buckets[bucket] = (DateTime.UtcNow, written);
                }
            }

            return update.Result;
        }
    }
}

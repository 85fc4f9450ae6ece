using System.Globalization;

namespace SithSynth.Pipeline.Admission;

/// <summary>
/// Counts what each bucket (a caller, or everyone) has spent in one fixed window, and which of a caller's generations
/// are in flight. Shared by every instance of a host when it lives in storage (<see cref="BlobAdmissionLedger"/>), so a
/// scaled-out app refuses past one budget, not one per instance. Both kinds of bucket are a short text that a ledger
/// reads, hands to a decision, and writes back only if no one changed it meanwhile; the decisions are made here, once.
/// </summary>
public abstract class AdmissionLedger
{
    /// <summary>Adds <paramref name="cost"/> to the bucket's window when that keeps it within <paramref name="budget"/>.</summary>
    public Task<LedgerEntry> TryConsumeAsync(string bucket, long window, int cost, int budget, CancellationToken cancellationToken = default) =>
        UpdateAsync(bucket, (text, _) =>
        {
            var used = ReadWindow(text) is { } stored && stored.Window == window ? stored.Used : 0;
            return Task.FromResult(used + cost > budget
                ? new LedgerUpdate<LedgerEntry>(null, new LedgerEntry(false, used))
                : new LedgerUpdate<LedgerEntry>(string.Create(CultureInfo.InvariantCulture, $"{window} {used + cost}"), new LedgerEntry(true, used + cost)));
        }, cancellationToken);

    /// <summary>
    /// Holds <paramref name="claim"/> among the bucket's generations in flight when their costs together stay within
    /// <paramref name="cap"/>; holds of generations that have finished (as <paramref name="stateOf"/> tells) are dropped first.
    /// </summary>
    public Task<LedgerEntry> TryHoldAsync(string bucket, InFlightHold claim, int cap, Func<string, CancellationToken, Task<HeldState>> stateOf, CancellationToken cancellationToken = default) =>
        UpdateAsync(bucket, async (text, cancel) =>
        {
            var (admitted, holds) = await InFlightHolds.Parse(text).ClaimAsync(claim, cap, stateOf, cancel).ConfigureAwait(false);
            return new LedgerUpdate<LedgerEntry>(holds.Format(), new LedgerEntry(admitted, holds.Cost));
        }, cancellationToken);

    /// <summary>Lets go of a hold taken for a generation that was not scheduled after all.</summary>
    public Task ReleaseAsync(string bucket, string id, CancellationToken cancellationToken = default) =>
        UpdateAsync(bucket, (text, _) =>
        {
            var holds = InFlightHolds.Parse(text);
            var rest = holds.Without(id);
            return Task.FromResult(new LedgerUpdate<bool>(rest.Count == holds.Count ? null : rest.Format(), true));
        }, cancellationToken);

    /// <summary>
    /// Reads the bucket's text (null when it has none), asks <paramref name="decide"/> what to write (null: nothing) and
    /// writes it only over what was read, deciding again if someone else wrote first.
    /// </summary>
    protected abstract Task<T> UpdateAsync<T>(string bucket, Func<string?, CancellationToken, Task<LedgerUpdate<T>>> decide, CancellationToken cancellationToken);

    private static (long Window, int Used)? ReadWindow(string? text)
    {
        var parts = (text ?? "").Split(' ');
        return parts.Length == 2
               && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var window)
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var used)
            ? (window, used)
            : null; // none yet, or unreadable: an empty window
    }
}

/// <summary>What a decision writes back to its bucket (null: leave it as it is) and what it answers.</summary>
public readonly record struct LedgerUpdate<T>(string? Write, T Result);

/// <summary>Whether the cost was taken, and what the bucket holds afterwards (or before, if refused).</summary>
public readonly record struct LedgerEntry(bool Admitted, int Used);

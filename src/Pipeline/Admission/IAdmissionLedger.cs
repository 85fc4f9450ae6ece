namespace SithSynth.Pipeline.Admission;

/// <summary>
/// Counts what each bucket (a caller, or everyone) has spent in one fixed window. Shared by every instance of a host
/// when it lives in storage (<see cref="BlobAdmissionLedger"/>), so a scaled-out app refuses past one budget, not one
/// per instance.
/// </summary>
public interface IAdmissionLedger
{
    /// <summary>Adds <paramref name="cost"/> to the bucket's window when that keeps it within <paramref name="budget"/>.</summary>
    Task<LedgerEntry> TryConsumeAsync(string bucket, long window, int cost, int budget, CancellationToken cancellationToken = default);
}

/// <summary>Whether the cost was taken, and what the bucket has used in the window afterwards (or before, if refused).</summary>
public readonly record struct LedgerEntry(bool Admitted, int Used);

using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SithSynth.Pipeline.Idempotency;

namespace SithSynth.Pipeline.Admission;

/// <summary>
/// Counters every instance shares, one small blob per bucket holding "window used", updated with optimistic
/// concurrency (If-Match on the ETag read, If-None-Match for the first write): of two instances spending at once, one
/// write wins and the other reads again, so no spend is lost and the budget holds across a scaled-out app. Inside one
/// instance spends on a bucket take turns, so only other instances contend: one client's burst of parallel POSTs
/// costs a queue, not a 503.
/// </summary>
public sealed class BlobAdmissionLedger(BlobContainerClient container) : IAdmissionLedger
{
    private readonly KeyedLock _turns = new();

    /// <summary>Rounds of read-and-write before a hot bucket is reported as contended (the caller answers 503).</summary>
    public const int MaxAttempts = 12;

    public async Task<LedgerEntry> TryConsumeAsync(string bucket, long window, int cost, int budget, CancellationToken cancellationToken = default)
    {
        using (await _turns.EnterAsync(bucket, cancellationToken).ConfigureAwait(false))
        {
            return await SpendAsync(container.GetBlobClient(bucket), window, cost, budget, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<LedgerEntry> SpendAsync(BlobClient blob, long window, int cost, int budget, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var (etag, stored) = await ReadAsync(blob, cancellationToken).ConfigureAwait(false);
            var used = stored is { } s && s.Window == window ? s.Used : 0;
            if (used + cost > budget)
            {
                return new LedgerEntry(false, used);
            }

            var conditions = etag is { } tag ? new BlobRequestConditions { IfMatch = tag } : new BlobRequestConditions { IfNoneMatch = ETag.All };
            try
            {
                var content = BinaryData.FromString(string.Create(CultureInfo.InvariantCulture, $"{window} {used + cost}"));
                await blob.UploadAsync(content, new BlobUploadOptions { Conditions = conditions }, cancellationToken).ConfigureAwait(false);
                return new LedgerEntry(true, used + cost);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another instance spent from this bucket since the read; back off a little and read again.
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == BlobErrorCode.ContainerNotFound)
            {
                await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        throw new AdmissionContentionException(blob.Name);
    }

    private static async Task<(ETag? ETag, (long Window, int Used)? Stored)> ReadAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var download = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var parts = download.Value.Content.ToString().Split(' ');
            return parts.Length == 2
                   && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var window)
                   && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var used)
                ? (download.Value.Details.ETag, (window, used))
                : (download.Value.Details.ETag, null); // unreadable: overwritten as an empty window
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (null, null);
        }
    }
}

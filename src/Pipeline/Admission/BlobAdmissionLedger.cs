using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SithSynth.Pipeline.Idempotency;

namespace SithSynth.Pipeline.Admission;

/// <summary>
/// Buckets every instance shares, one small blob each, updated with optimistic concurrency (If-Match on the ETag read,
/// If-None-Match for the first write): of two instances updating at once, one write wins and the other reads again, so
/// no spend or hold is lost and the limits hold across a scaled-out app. Inside one instance updates of a bucket take
/// turns, so only other instances contend: one client's burst of parallel POSTs costs a queue, not a 503.
/// </summary>
public sealed class BlobAdmissionLedger(BlobContainerClient container) : AdmissionLedger
{
    private readonly KeyedLock _turns = new();

    /// <summary>Rounds of read-and-write before a hot bucket is reported as contended (the caller answers 503).</summary>
    public const int MaxAttempts = 12;

    protected override async Task<T> UpdateAsync<T>(string bucket, Func<string?, CancellationToken, Task<LedgerUpdate<T>>> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        using (await _turns.EnterAsync(bucket, cancellationToken).ConfigureAwait(false))
        {
            var blob = container.GetBlobClient(bucket);
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                var (etag, text) = await ReadAsync(blob, cancellationToken).ConfigureAwait(false);
                var update = await decide(text, cancellationToken).ConfigureAwait(false);
                if (update.Write is not { } written)
                {
                    return update.Result;
                }

                var conditions = etag is { } tag ? new BlobRequestConditions { IfMatch = tag } : new BlobRequestConditions { IfNoneMatch = ETag.All };
                try
                {
                    await blob.UploadAsync(BinaryData.FromString(written), new BlobUploadOptions { Conditions = conditions }, cancellationToken).ConfigureAwait(false);
                    return update.Result;
                }
                catch (RequestFailedException e) when (e.Status is 409 or 412)
                {
                    // Another instance wrote this bucket since the read; back off a little and decide again.
                    await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == BlobErrorCode.ContainerNotFound)
                {
                    await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }

            throw new AdmissionContentionException(bucket);
        }
    }

    private static async Task<(ETag? ETag, string? Text)> ReadAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var download = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return (download.Value.Details.ETag, download.Value.Content.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (null, null);
        }
    }
}

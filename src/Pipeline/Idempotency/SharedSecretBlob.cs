using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace SithSynth.Pipeline.Idempotency;

/// <summary>
/// The idempotency secret every instance of a scaled-out app shares, kept as a private blob of random bytes: the first
/// instance to need it creates it (If-None-Match: *, so of two racing instances one wins and both use its bytes), every
/// later one reads it. Nothing for an operator to generate, rotate by hand, or put on a command line; deleting the blob
/// rotates it (keyed ids made before then stop matching, so their retries start new generations).
/// </summary>
public sealed class SharedSecretBlob(BlobContainerClient container, string blobName = SharedSecretBlob.DefaultBlobName)
{
    /// <summary>A container of its own: no lifecycle rule deletes it and no link ever signs a blob in it.</summary>
    public const string DefaultContainerName = "sithsynth-secrets";

    public const string DefaultBlobName = "idempotency-key";

    private const int SecretBytes = 32;

    public string Location => $"{container.Name}/{blobName}";

    /// <summary>The blob's address (which account, which container), for checks and the start-up log.</summary>
    public Uri Uri => container.GetBlobClient(blobName).Uri;

    public async Task<byte[]> ReadOrCreateAsync(CancellationToken cancellationToken = default)
    {
        var blob = container.GetBlobClient(blobName);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var existing = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
                return Checked(existing.Value.Content.ToArray());
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                if (e.ErrorCode == BlobErrorCode.ContainerNotFound)
                {
                    await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }

            var fresh = RandomNumberGenerator.GetBytes(SecretBytes);
            try
            {
                var onlyIfAbsent = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
                await blob.UploadAsync(BinaryData.FromBytes(fresh), onlyIfAbsent, cancellationToken).ConfigureAwait(false);
                return fresh;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 3)
            {
                // Another instance created it between our read and our write: read theirs.
            }
        }
    }

    private byte[] Checked(byte[] secret) => secret.Length >= IdempotencyScope.MinSecretBytes
        ? secret
        : throw new InvalidOperationException(
            $"The idempotency secret blob {Location} holds {secret.Length} bytes, fewer than {IdempotencyScope.MinSecretBytes}; delete it and the app makes a new one.");
}

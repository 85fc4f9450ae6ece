using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace SithSynth.Pipeline.Access;

/// <summary>
/// API keys as private blobs (<c>ID.json</c>) in a container of the artifacts account, beside the admission ledger: the
/// Functions app's identity already reads and writes that account, and no lifecycle rule touches the container.
/// </summary>
public sealed class BlobApiKeyStore(BlobContainerClient container) : IApiKeyStore
{
    public const string DefaultContainerName = "sithsynth-api-keys";

    public string Location => container.Uri.AbsoluteUri;

    public async Task<bool> CreateAsync(ApiKeyEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            var onlyIfAbsent = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
            await container.GetBlobClient(Name(entry.Id)).UploadAsync(BinaryData.FromString(ApiKeyJson.Write(entry)), onlyIfAbsent, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task ReplaceAsync(ApiKeyEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await container.GetBlobClient(Name(entry.Id)).UploadAsync(BinaryData.FromString(ApiKeyJson.Write(entry)), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ApiKeyEntry?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        try
        {
            var download = await container.GetBlobClient(Name(id)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return ApiKeyJson.Read(download.Value.Content.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<ApiKeyEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        var entries = new List<ApiKeyEntry>();
        if (!await container.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return entries;
        }

        await foreach (var item in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (item.Name.EndsWith(".json", StringComparison.Ordinal) && await FindAsync(item.Name[..^5], cancellationToken).ConfigureAwait(false) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private static string Name(string id) => id + ".json";
}

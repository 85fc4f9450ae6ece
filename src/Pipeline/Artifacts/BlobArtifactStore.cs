using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace SithSynth.Pipeline.Artifacts;

/// <summary>
/// Artifacts in one Blob Storage container, each with its content type and a Content-Disposition that names the download.
/// Links are read-only blob SAS URLs that expire after <see cref="LinkLifetime"/>, HTTPS-only whenever the account is
/// served over HTTPS (always in Azure), signed with the account key or a user delegation key as configured.
/// </summary>
public sealed class BlobArtifactStore : IArtifactStore
{
    // A link must work the moment it is handed out even if the storage clock runs a little behind ours.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly BlobServiceClient _service;
    private readonly BlobContainerClient _container;
    private readonly TimeProvider _time;
    private readonly DelegationKeySource? _delegationKeys;

    public BlobArtifactStore(BlobServiceClient service, string containerName, SasSigning signing, TimeSpan linkLifetime, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrEmpty(containerName);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(linkLifetime, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        if (signing == SasSigning.AccountKey && !service.CanGenerateAccountSasUri)
        {
            throw new InvalidOperationException(
                "Account-key links need a client built with the account key (a connection string); configure user-delegation signing for a managed identity.");
        }

        _service = service;
        _container = service.GetBlobContainerClient(containerName);
        Signing = signing;
        LinkLifetime = linkLifetime;
        _time = time;
        _delegationKeys = signing == SasSigning.UserDelegation ? new DelegationKeySource(service, time) : null;
    }

    public SasSigning Signing { get; }

    public TimeSpan LinkLifetime { get; }

    public string ContainerName => _container.Name;

    /// <summary>
    /// Creates the container where the host owns the account (Azurite, a developer's account). In Azure the container is
    /// deployed with the infrastructure and the app's identity only writes blobs.
    /// </summary>
    public Task EnsureContainerAsync(CancellationToken cancellationToken = default) =>
        _container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);

    public async Task SaveAsync(ArtifactName name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = name.ContentType, ContentDisposition = name.ContentDisposition },
        };
        await _container.GetBlobClient(name.Value).UploadAsync(BinaryData.FromBytes(content), options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<byte[]> ReadAsync(ArtifactName name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            var download = await _container.GetBlobClient(name.Value).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return download.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new FileNotFoundException($"There is no artifact '{name}' in container '{_container.Name}'.", name.Value, e);
        }
    }

    public async Task<int> DeleteGenerationAsync(string generationId, CancellationToken cancellationToken = default)
    {
        // Listed by the manifest's folder, so only this generation's blobs are touched, whatever they are named.
        var prefix = ArtifactName.Manifest(generationId).GenerationId + "/";
        var count = 0;
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            var deleted = await _container.DeleteBlobIfExistsAsync(blob.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false);
            count += deleted.Value ? 1 : 0;
        }

        return count;
    }

    public async Task<ArtifactLink> LinkAsync(ArtifactName name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var now = _time.GetUtcNow();
        var expires = now + LinkLifetime;
        var blob = _container.GetBlobClient(name.Value);
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expires)
        {
            BlobContainerName = _container.Name,
            BlobName = name.Value,
            Resource = "b",
            StartsOn = now - ClockSkew,
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };

        if (_delegationKeys is null)
        {
            return new ArtifactLink(blob.GenerateSasUri(sas), expires);
        }

        var key = await _delegationKeys.KeyValidUntilAsync(expires, cancellationToken).ConfigureAwait(false);
        var url = new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, _service.AccountName) }.ToUri();
        return new ArtifactLink(url, expires);
    }
}

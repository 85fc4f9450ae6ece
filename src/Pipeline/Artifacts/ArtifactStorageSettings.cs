using Azure.Identity;
using Azure.Storage.Blobs;

namespace SithSynth.Pipeline.Artifacts;

/// <summary>
/// The <c>ArtifactStorage</c> configuration section. In Azure the infrastructure sets <c>blobServiceUri</c>,
/// <c>credential=managedidentity</c>, <c>clientId</c> and <c>containerName</c>: links are then user-delegation SAS signed
/// through the managed identity. Locally a <c>connectionString</c> (Azurite's, or an account's with its key) selects
/// account-key signing. The section's names follow the Functions identity-connection convention.
/// </summary>
public sealed class ArtifactStorageSettings
{
    public const string SectionName = "ArtifactStorage";
    public const string DefaultContainerName = "generations";

    public static readonly TimeSpan DefaultLinkLifetime = TimeSpan.FromHours(1);

    /// <summary>A storage connection string with the account key; when set, links are signed with that key.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The blob endpoint, e.g. https://account.blob.core.windows.net, reached with an Entra identity.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>The user-assigned managed identity's client id; empty for the system identity or a developer's sign-in.</summary>
    public string? ClientId { get; set; }

    public string ContainerName { get; set; } = DefaultContainerName;

    /// <summary>How long a link works; one hour unless configured (e.g. <c>00:15:00</c>).</summary>
    public TimeSpan LinkLifetime { get; set; } = DefaultLinkLifetime;

    public SasSigning Signing => string.IsNullOrWhiteSpace(ConnectionString) ? SasSigning.UserDelegation : SasSigning.AccountKey;

    /// <summary>Builds the store these settings describe; throws when neither a connection string nor an endpoint is set.</summary>
    public BlobArtifactStore CreateStore(TimeProvider time) => new(CreateServiceClient(), ContainerName, Signing, LinkLifetime, time);

    /// <summary>The account these settings reach, signed in by key or by identity; throws when neither is set.</summary>
    public BlobServiceClient CreateServiceClient()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return new BlobServiceClient(ConnectionString);
        }

        if (BlobServiceUri is null)
        {
            throw new InvalidOperationException(
                $"Set {SectionName}:connectionString (Azurite or an account key) or {SectionName}:blobServiceUri (managed identity).");
        }

        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = string.IsNullOrWhiteSpace(ClientId) ? null : ClientId });
        return new BlobServiceClient(BlobServiceUri, credential);
    }
}

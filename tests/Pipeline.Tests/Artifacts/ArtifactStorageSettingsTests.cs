using SithSynth.Pipeline.Artifacts;

namespace SithSynth.Pipeline.Tests.Artifacts;

public sealed class ArtifactStorageSettingsTests
{
    [Fact]
    public void A_connection_string_means_account_key_signing()
    {
        var settings = new ArtifactStorageSettings { ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={Azurite.AccountName};AccountKey={Azurite.AccountKey};BlobEndpoint=http://127.0.0.1:10000/{Azurite.AccountName};" };

        var store = settings.CreateStore(TimeProvider.System);

        Assert.Equal((SasSigning.AccountKey, "generations", TimeSpan.FromHours(1)), (store.Signing, store.ContainerName, store.LinkLifetime));
    }

    [Fact]
    public void An_endpoint_without_a_key_means_user_delegation_through_the_managed_identity()
    {
        var settings = new ArtifactStorageSettings
        {
            BlobServiceUri = new Uri("https://sithsynthart.blob.core.windows.net"),
            ClientId = "00000000-0000-0000-0000-000000000001",
            ContainerName = "other",
            LinkLifetime = TimeSpan.FromMinutes(15),
        };

        var store = settings.CreateStore(TimeProvider.System);

        Assert.Equal((SasSigning.UserDelegation, "other", TimeSpan.FromMinutes(15)), (store.Signing, store.ContainerName, store.LinkLifetime));
    }

    [Fact]
    public void Neither_is_a_configuration_error_naming_both_settings()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ArtifactStorageSettings().CreateStore(TimeProvider.System));

        Assert.Contains("ArtifactStorage:connectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("ArtifactStorage:blobServiceUri", error.Message, StringComparison.Ordinal);
    }
}

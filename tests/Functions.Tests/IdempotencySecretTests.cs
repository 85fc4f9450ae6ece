using Microsoft.Extensions.Logging.Abstractions;
using SithSynth.Pipeline.Idempotency;

namespace SithSynth.Functions.Tests;

/// <summary>
/// Where each instance of the app gets the secret mixed into keyed ids: the same place for all of them, so a retried
/// POST that the platform routes to another instance finds the first one's generation.
/// </summary>
public sealed class IdempotencySecretTests
{
    private static readonly Dictionary<string, string> AzureSettings = new()
    {
        ["ArtifactStorage__blobServiceUri"] = "https://stssartdevexample.blob.core.windows.net/",
        ["ArtifactStorage__credential"] = "managedidentity",
        ["ArtifactStorage__clientId"] = "00000000-0000-0000-0000-000000000001",
        ["ArtifactStorage__containerName"] = "generations",
        ["Idempotency__secretContainer"] = "sithsynth-secrets",
    };

    [Fact]
    public void In_azure_the_secret_is_the_shared_blob_in_the_artifacts_account_container_bicep_names()
    {
        Assert.All(AzureSettings.Keys, name => Assert.Contains(name, KnownSettings.Bicep()));

        var blob = PipelineServices.SecretBlob(KnownSettings.Configuration(AzureSettings));

        Assert.Equal(new Uri("https://stssartdevexample.blob.core.windows.net/sithsynth-secrets/idempotency-key"), blob.Uri);
        Assert.Equal(SharedSecretBlob.DefaultContainerName, AzureSettings["Idempotency__secretContainer"]);
    }

    [Fact]
    public void The_local_sample_names_the_same_container_as_the_default()
    {
        Assert.Equal(SharedSecretBlob.DefaultContainerName, KnownSettings.Sample()["Idempotency__secretContainer"]);
        Assert.Equal("sithsynth-secrets/idempotency-key", PipelineServices.SecretBlob(KnownSettings.Configuration(new Dictionary<string, string>
        {
            ["ArtifactStorage__connectionString"] = AppHost.Azurite,
        })).Location);
    }

    [Fact]
    public async Task A_configured_secret_gives_every_instance_the_same_ids_without_storage()
    {
        var settings = new Dictionary<string, string> { ["Idempotency__secret"] = "a-secret-of-at-least-16-characters" };
        var request = new Microsoft.AspNetCore.Http.DefaultHttpContext().Request;

        var one = PipelineServices.Idempotency(KnownSettings.Configuration(settings), NullLogger.Instance);
        var other = PipelineServices.Idempotency(KnownSettings.Configuration(settings), NullLogger.Instance);

        Assert.Equal(await one.IdForAsync(request, "k"), await other.IdForAsync(request, "k"));
    }
}

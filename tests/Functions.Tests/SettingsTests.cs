using SithSynth.Domain.Models;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Functions.Tests;

/// <summary>
/// The settings the code reads, the ones Bicep deploys and the local sample agree, so a setting renamed on one side
/// fails here instead of in Azure.
/// </summary>
public sealed class SettingsTests
{
    private static readonly IReadOnlyDictionary<string, string> Sample = KnownSettings.Sample();
    private static readonly IReadOnlyList<string> Bicep = KnownSettings.Bicep();

    [Fact]
    public void Sample_runs_the_isolated_worker_on_the_storage_emulator()
    {
        Assert.Equal("dotnet-isolated", Sample["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("UseDevelopmentStorage=true", Sample["AzureWebJobsStorage"]);
        Assert.False(string.IsNullOrEmpty(Sample["ArtifactStorage__connectionString"]));
    }

    [Fact]
    public void Sample_lists_every_setting_the_app_reads()
    {
        Assert.All(KnownSettings.App, name => Assert.Contains(name, Sample.Keys));
    }

    [Fact]
    public void Every_artifact_storage_setting_is_in_the_sample_or_set_by_bicep()
    {
        Assert.All(KnownSettings.ArtifactStorage, name => Assert.True(
            Sample.ContainsKey(name) || Bicep.Contains(name, StringComparer.Ordinal),
            $"{name} is read into {nameof(ArtifactStorageSettings)} but neither the sample nor Bicep sets it."));
    }

    [Fact]
    public void Sample_has_no_setting_that_nothing_reads()
    {
        Assert.All(Sample.Keys, name => Assert.True(KnownSettings.IsRead(name), $"local.settings.sample.json sets {name}, which nothing reads."));
    }

    [Fact]
    public void Bicep_sets_no_setting_that_nothing_reads()
    {
        Assert.NotEmpty(Bicep);
        Assert.All(Bicep, name => Assert.True(KnownSettings.IsRead(name), $"function-app.bicep sets {name}, which nothing reads."));
    }

    [Fact]
    public void Bicep_sets_what_the_app_needs_in_azure()
    {
        Assert.Contains("ArtifactStorage__blobServiceUri", Bicep);
        Assert.Contains("ArtifactStorage__clientId", Bicep);
        Assert.Contains("ArtifactStorage__containerName", Bicep);
        Assert.Contains(KnownSettings.AsAppSetting(AppSettings.IdempotencySecretContainer), Bicep);
        // Every instance must share one secret: a per-instance setting could differ, the blob cannot.
        Assert.DoesNotContain(KnownSettings.AsAppSetting(AppSettings.IdempotencySecret), Bicep);
        Assert.Contains(AppSettings.ApplicationInsightsConnectionString, Bicep);
        Assert.Contains(AppSettings.ApplicationInsightsAuthenticationString, Bicep);
        // Identity only: a connection string would switch the store to account-key signing.
        Assert.DoesNotContain("ArtifactStorage__connectionString", Bicep);
    }

    [Fact]
    public void Bicep_artifact_settings_give_an_identity_signed_blob_store()
    {
        var values = new Dictionary<string, string>
        {
            ["ArtifactStorage__blobServiceUri"] = "https://stssartdevexample.blob.core.windows.net/",
            ["ArtifactStorage__credential"] = "managedidentity",
            ["ArtifactStorage__clientId"] = "00000000-0000-0000-0000-000000000001",
            ["ArtifactStorage__containerName"] = "generations",
        };
        Assert.All(values.Keys, name => Assert.Contains(name, Bicep));

        var settings = PipelineServices.ArtifactStorage(KnownSettings.Configuration(values));

        Assert.Equal(new Uri("https://stssartdevexample.blob.core.windows.net/"), settings.BlobServiceUri);
        Assert.Equal("00000000-0000-0000-0000-000000000001", settings.ClientId);
        Assert.Equal("generations", settings.ContainerName);
        Assert.Equal(SasSigning.UserDelegation, settings.Signing);
        Assert.Equal(SasSigning.UserDelegation, settings.CreateStore(TimeProvider.System).Signing);
    }

    [Fact]
    public void Sample_settings_read_as_the_defaults_with_azurite()
    {
        var configuration = KnownSettings.Configuration(Sample);

        var storage = PipelineServices.ArtifactStorage(configuration);
        Assert.Equal(SasSigning.AccountKey, storage.Signing);
        Assert.Equal(ArtifactStorageSettings.DefaultContainerName, storage.ContainerName);
        Assert.Equal(ArtifactStorageSettings.DefaultLinkLifetime, storage.LinkLifetime);
        Assert.Equal(RetrySettings.Default, RetryConfiguration.Read(configuration));
        Assert.Equal(Path.GetFullPath(ModelCatalog.DefaultDirectory), PipelineServices.ModelsDirectory(configuration));
    }

    [Fact]
    public void Without_any_setting_models_come_from_beside_the_app()
    {
        Assert.Equal(ModelCatalog.DefaultDirectory, PipelineServices.ModelsDirectory(KnownSettings.Configuration([])));
    }
}

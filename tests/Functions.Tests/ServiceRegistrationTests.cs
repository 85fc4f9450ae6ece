using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SithSynth.Domain.Models;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Functions.Tests;

/// <summary>Program's services resolve: everything each function class is built from, with local and with Azure-style settings.</summary>
public sealed class ServiceRegistrationTests
{
    [Fact]
    public void Every_function_class_can_be_built_from_the_services()
    {
        using var host = AppHost.BuildLocal();
        var services = host.Services;

        Assert.NotNull(ActivatorUtilities.CreateInstance<HttpFunctions>(services));
        Assert.NotNull(ActivatorUtilities.CreateInstance<ActivityFunctions>(services));
        Assert.NotNull(ActivatorUtilities.CreateInstance<OrchestrationFunctions>(services));
        Assert.NotNull(ActivatorUtilities.CreateInstance<HousekeepingFunctions>(services));
    }

    [Fact]
    public void The_catalogue_is_one_per_worker_and_offers_the_shipped_models()
    {
        using var host = AppHost.BuildLocal();

        var catalog = host.Services.GetRequiredService<ModelCatalog>();

        Assert.Same(catalog, host.Services.GetRequiredService<ModelCatalog>());
        Assert.Equal(["lstm", "transformer"], catalog.Cards.Select(c => c.Name));
        Assert.Empty(catalog.Refused);
    }

    [Fact]
    public void A_connection_string_gives_an_account_key_store_whose_container_is_created_at_start()
    {
        using var host = AppHost.BuildLocal();

        var store = Assert.IsType<BlobArtifactStore>(host.Services.GetRequiredService<IArtifactStore>());
        Assert.Equal(SasSigning.AccountKey, store.Signing);
        Assert.Equal(ArtifactStorageSettings.DefaultContainerName, store.ContainerName);
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s is ArtifactContainerSetup);
    }

    [Fact]
    public void Azure_settings_give_a_user_delegation_store()
    {
        using var host = AppHost.Build(new Dictionary<string, string?>
        {
            ["ArtifactStorage:blobServiceUri"] = "https://stssartdevexample.blob.core.windows.net/",
            ["ArtifactStorage:credential"] = "managedidentity",
            ["ArtifactStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
            ["ArtifactStorage:containerName"] = "generations",
            [AppSettings.ApplicationInsightsAuthenticationString] = "ClientId=00000000-0000-0000-0000-000000000001;Authorization=AAD",
        });

        var store = Assert.IsType<BlobArtifactStore>(host.Services.GetRequiredService<IArtifactStore>());
        Assert.Equal(SasSigning.UserDelegation, store.Signing);
        Assert.NotNull(host.Services.GetRequiredService<IOptions<TelemetryConfiguration>>().Value);
        Assert.NotEmpty(host.Services.GetRequiredService<ModelCatalog>().Cards);
    }

    [Fact]
    public void Retry_settings_come_from_configuration()
    {
        using var host = AppHost.Build(new Dictionary<string, string?>
        {
            ["ArtifactStorage:connectionString"] = AppHost.Azurite,
            [AppSettings.RetryMaxAttempts] = "6",
        });

        Assert.Equal(RetrySettings.Default with { MaxAttempts = 6 }, host.Services.GetRequiredService<RetrySettings>());
    }

    [Fact]
    public void The_local_sample_settings_build_a_working_host()
    {
        // What a developer gets from `cp local.settings.sample.json`: empty telemetry settings, Azurite, default models.
        var sample = KnownSettings.Sample().ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => (string?)s.Value);
        using var host = AppHost.Build(sample);

        Assert.NotNull(host.Services.GetRequiredService<TelemetryClient>());
        Assert.Equal(SasSigning.AccountKey, host.Services.GetRequiredService<BlobArtifactStore>().Signing);
        Assert.Equal(RetrySettings.Default, host.Services.GetRequiredService<RetrySettings>());
        Assert.NotEmpty(host.Services.GetRequiredService<ModelCatalog>().Cards);
    }

    [Fact]
    public void Application_insights_receives_information_logs()
    {
        using var host = AppHost.BuildLocal();

        var filters = host.Services.GetRequiredService<IOptions<LoggerFilterOptions>>().Value;

        Assert.DoesNotContain(filters.Rules, r => r.ProviderName?.Contains("ApplicationInsights", StringComparison.Ordinal) == true && r.LogLevel >= LogLevel.Warning);
        Assert.NotNull(host.Services.GetRequiredService<TelemetryConfiguration>());
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SithSynth.Domain.Models;
using SithSynth.Pipeline.Access;
using SithSynth.Pipeline.Admission;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Idempotency;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Functions;

/// <summary>
/// What the functions are built from: the model catalogue (read once per worker; each ONNX session is created on
/// first use and shared), the artifact store from the <c>ArtifactStorage</c> section, the retry policy and the
/// Pipeline's activities. Kept apart from Program so a test can build exactly these services.
/// </summary>
public static partial class PipelineServices
{
    public static IServiceCollection AddSithSynthPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => RetryConfiguration.Read(configuration));
        services.AddSingleton(provider => LoadCatalog(configuration, provider.GetRequiredService<ILogger<ModelCatalog>>()));
        services.AddSingleton(provider => ArtifactStorage(configuration).CreateStore(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IArtifactStore>(provider => provider.GetRequiredService<BlobArtifactStore>());
        services.AddHostedService<ArtifactContainerSetup>();
        services.AddSingleton(_ => PublicAddress.From(configuration));
        services.AddSingleton(provider => Idempotency(configuration, provider.GetRequiredService<ILogger<IdempotencyScope>>()));
        services.AddSingleton(provider => AdmissionControl(configuration, provider.GetRequiredService<TimeProvider>()));

        services.AddSingleton<ValidateRequestActivity>();
        services.AddSingleton<WriteSheetActivity>();
        services.AddSingleton<RenderMidiActivity>();
        services.AddSingleton<RenderMusicXmlActivity>();
        services.AddSingleton<RecordGenerationActivity>();
        return services;
    }

    public static ArtifactStorageSettings ArtifactStorage(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(ArtifactStorageSettings.SectionName).Get<ArtifactStorageSettings>() ?? new ArtifactStorageSettings();
    }

    public static string ModelsDirectory(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[AppSettings.ModelsDirectory] is { Length: > 0 } directory
            ? Path.GetFullPath(directory, AppContext.BaseDirectory)
            : ModelCatalog.DefaultDirectory;
    }

    /// <summary>
    /// The secret every instance mixes into keyed ids: the configured one, else the shared blob in the artifacts
    /// account, so a retried POST that lands on another instance finds the same generation.
    /// </summary>
    public static IdempotencyScope Idempotency(IConfiguration configuration, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[AppSettings.IdempotencySecret] is { Length: > 0 } secret)
        {
            return new IdempotencyScope(System.Text.Encoding.UTF8.GetBytes(secret));
        }

        var blob = SecretBlob(configuration);
        Log.SharedIdempotencySecret(logger, blob.Uri.AbsoluteUri);
        return new IdempotencyScope(blob.ReadOrCreateAsync);
    }

    public static AdmissionSettings Admission(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.GetSection(AdmissionSettings.SectionName).Get<AdmissionSettings>() ?? new AdmissionSettings();
        return settings.Problems() is [var problem, ..] ? throw new InvalidOperationException($"{AdmissionSettings.SectionName}: {problem}") : settings;
    }

    /// <summary>
    /// Budgets counted in blobs of the artifacts account, so every instance of a scaled-out app spends from one, and the
    /// API keys (their hashes) in a container of the same account, which the app's identity already reads.
    /// </summary>
    public static AdmissionControl AdmissionControl(IConfiguration configuration, TimeProvider time)
    {
        var settings = Admission(configuration);
        var account = ArtifactStorage(configuration).CreateServiceClient();
        var keys = configuration[AppSettings.ApiKeyContainer] is { Length: > 0 } name ? name : BlobApiKeyStore.DefaultContainerName;
        return new AdmissionControl(settings, new BlobAdmissionLedger(account.GetBlobContainerClient(settings.ContainerName)), time, new ApiKeyRing(new BlobApiKeyStore(account.GetBlobContainerClient(keys)), time));
    }

    public static SharedSecretBlob SecretBlob(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var container = configuration[AppSettings.IdempotencySecretContainer] is { Length: > 0 } name ? name : SharedSecretBlob.DefaultContainerName;
        return new SharedSecretBlob(ArtifactStorage(configuration).CreateServiceClient().GetBlobContainerClient(container));
    }

    private static ModelCatalog LoadCatalog(IConfiguration configuration, ILogger logger)
    {
        var catalog = ModelCatalog.Load(ModelsDirectory(configuration));
        var names = string.Join(", ", catalog.Cards.Select(c => c.Name));
        Log.Loaded(logger, catalog.Cards.Count, catalog.Directory, names);
        foreach (var (folder, reason) in catalog.Refused)
        {
            Log.Refused(logger, folder, reason);
        }

        return catalog;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Loaded {ModelCount} models from {ModelsDirectory}: {Models}")]
        public static partial void Loaded(ILogger logger, int modelCount, string modelsDirectory, string models);

        [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Model folder {ModelFolder} is not offered: {Reason}")]
        public static partial void Refused(ILogger logger, string modelFolder, string reason);

        [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Idempotency-Keys use the secret shared by every instance in blob {Blob}")]
        public static partial void SharedIdempotencySecret(ILogger logger, string blob);
    }
}

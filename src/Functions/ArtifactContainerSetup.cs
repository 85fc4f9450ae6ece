using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SithSynth.Pipeline.Artifacts;

namespace SithSynth.Functions;

/// <summary>
/// Creates the artifact container at start-up when the app signs with an account key (Azurite, a developer's own
/// account), so `func start` works on a fresh emulator. In Azure (managed identity) the infrastructure deploys the
/// container and this does nothing. It runs in the background and a failure is only logged: an emulator that is not
/// up yet must neither hold up nor stop the worker, which still serves health and models.
/// </summary>
public sealed partial class ArtifactContainerSetup(BlobArtifactStore store, ILogger<ArtifactContainerSetup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store.Signing != SasSigning.AccountKey)
        {
            return;
        }

        try
        {
            await store.EnsureContainerAsync(stoppingToken);
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException)
        {
            Log.Failed(logger, store.ContainerName, e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Could not create the artifact container {ContainerName}")]
        public static partial void Failed(ILogger logger, string containerName, Exception exception);
    }
}

using DurableTask.AzureStorage;

namespace SithSynth.Cli.Serving;

/// <summary>
/// The Durable task hub on Azure Storage (queues, tables, blobs) — the backend the Functions app uses in Azure — so
/// generations outlive a restart of <c>serve</c> and several serve processes can share one hub.
/// </summary>
internal static class AzureStorageEngine
{
    /// <summary>How long a message serve took but did not finish before it stopped stays invisible to the next start.</summary>
    public static readonly TimeSpan ResumeAfter = TimeSpan.FromSeconds(30);

    public static TaskHubEngine Create(string connectionString, string taskHub)
    {
        AzureStorageOrchestrationService service;
        try
        {
            service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
            {
                TaskHubName = taskHub,
                StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),

                // serve stops within seconds and leaves the messages it was working on invisible in their queues; they
                // come back (to the next start) after these timeouts rather than the library's 5 minutes. Orchestrator
                // episodes take milliseconds and each activity writes one sheet in seconds, so neither runs twice.
                ControlQueueVisibilityTimeout = ResumeAfter,
                WorkItemQueueVisibilityTimeout = ResumeAfter,
            });
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new CommandLineException($"--storage: {e.Message}");
        }

        return new TaskHubEngine(service, service, $"Azure Storage task hub '{taskHub}'");
    }
}

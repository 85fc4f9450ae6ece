using DurableTask.AzureStorage;

namespace SithSynth.Cli.Serving;

/// <summary>
/// The Durable task hub on Azure Storage (queues, tables, blobs) — the backend the Functions app uses in Azure — so
/// generations outlive a restart of <c>serve</c> and several serve processes can share one hub.
/// </summary>
internal static class AzureStorageEngine
{
    public static TaskHubEngine Create(string connectionString, string taskHub)
    {
        AzureStorageOrchestrationService service;
        try
        {
            service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
            {
                TaskHubName = taskHub,
                StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            });
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new CommandLineException($"--storage: {e.Message}");
        }

        return new TaskHubEngine(service, service, $"Azure Storage task hub '{taskHub}'");
    }
}

using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Pipeline.Tests;

/// <summary>
/// The pipeline on the real Durable Task engine, in memory: the in-process test host's backend and gRPC sidecar on a
/// free loopback port, with the orchestrator and activities registered exactly as a host registers them.
/// </summary>
public sealed class PipelineHost : IAsyncDisposable
{
    /// <summary>Short waits between attempts so retry tests take a second, not minutes.</summary>
    public static readonly RetrySettings QuickRetries = new(3, TimeSpan.FromMilliseconds(200), 1);

    /// <summary>How long a test waits for an orchestration before it calls it stuck.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly DurableTaskTestHost _host;

    private PipelineHost(DurableTaskTestHost host) => _host = host;

    public DurableTaskClient Client => _host.Client;

    public static async Task<PipelineHost> StartAsync(IArtifactStore store, RetrySettings? retry = null) =>
        new(await DurableTaskTestHost.StartAsync(
            tasks => tasks.AddSithSynthPipeline(ShippedModels.Catalog, store, retry ?? QuickRetries),
            new DurableTaskTestHostOptions { Port = FreePort.Next() }));

    public async Task<OrchestrationMetadata> WaitAsync(string id)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}

using System.Net;
using System.Net.Sockets;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging;
using SithSynth.Domain.Models;
using SithSynth.Domain.Requests;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Functions.Tests;

/// <summary>
/// The function wrappers on the real Durable Task engine (in memory): the orchestration function and the activity
/// functions, registered under the names the metadata carries, run a whole generation. Their logs carry the
/// generation id, and the replay-safe stage timings are written once although the orchestrator replays many times.
/// </summary>
public sealed class OrchestrationFunctionsTests : IDisposable
{
    private static readonly Lazy<ModelCatalog> Catalog = new(() => ModelCatalog.Load(FunctionsOutput.PathOf("models")));

    private static readonly RetrySettings QuickRetries = new(2, TimeSpan.FromMilliseconds(100), 1);

    private readonly string _folder = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "sithsynth-functions-tests", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_generation_completes_through_the_wrappers_and_logs_each_stage_once()
    {
        var logs = new CollectedLogs();
        await using var host = await StartAsync(logs);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            PipelineTasks.Generation, new GenerationInput(new GenerationRequest { Bars = 8, Variations = 2, Seed = 7 }, "fingerprint"));
        var done = await WaitAsync(host, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var result = done.ReadOutputAs<GenerationResult>()!;
        Assert.Equal(2, result.Variations.Count);

        var orchestration = logs.Of<OrchestrationFunctions>();
        var stages = orchestration.Where(e => e.EventId.Id == 300).ToList();
        Assert.Equal(
            [PipelineStage.Validating, PipelineStage.Generating, PipelineStage.Rendering, PipelineStage.Storing],
            stages.Select(e => (string)e.Fields["Stage"]!));
        Assert.All(stages, e => Assert.True((double)e.Fields["StageMilliseconds"]! >= 0));
        Assert.Single(orchestration, e => e.EventId.Id == 301);
        Assert.All(orchestration, e => Assert.Equal(id, e.Fields[LogScope.GenerationId]));

        var activities = logs.Of<ActivityFunctions>();
        Assert.Equal(8, activities.Count(e => e.EventId.Id == 200));
        Assert.Equal(2, activities.Count(e => e.EventId.Id == 200 && (string)e.Fields["Activity"]! == PipelineTasks.WriteSheet));
        Assert.All(activities, e =>
        {
            Assert.Equal(id, e.Fields[LogScope.GenerationId]);
            Assert.Equal("0af7651916cd43dd8448eb211c80319c", e.Fields[LogScope.CorrelationId]);
            Assert.NotNull(e.Fields[LogScope.InvocationId]);
        });
    }

    [Fact]
    public async Task A_refused_request_fails_the_orchestration_and_logs_why_once()
    {
        var logs = new CollectedLogs();
        await using var host = await StartAsync(logs);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            PipelineTasks.Generation, new GenerationInput(new GenerationRequest { Bars = 3 }, "fingerprint"));
        var done = await WaitAsync(host, id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        var failure = Assert.Single(logs.Of<OrchestrationFunctions>(), e => e.EventId.Id == 302);
        Assert.Equal(LogLevel.Warning, failure.Level);
        Assert.Equal(PipelineStage.Validating, failure.Fields["Stage"]);
        Assert.Equal(GenerationOrchestrator.InvalidRequestError, failure.Fields["ErrorType"]);
    }

    private async Task<DurableTaskTestHost> StartAsync(CollectedLogs logs)
    {
        var store = new LocalFolderArtifactStore(_folder, "/api/files", LinkSigner.WithNewKey(), TimeSpan.FromHours(1), TimeProvider.System);
        var orchestration = new OrchestrationFunctions(QuickRetries);
        var activities = new ActivityFunctions(
            new ValidateRequestActivity(Catalog.Value),
            new WriteSheetActivity(Catalog.Value, store),
            new RenderMidiActivity(store),
            new RenderMusicXmlActivity(store),
            new RecordGenerationActivity(store),
            store,
            logs.CreateLogger<ActivityFunctions>());

        // As the Functions host binds them: each function under its metadata name, each activity with its instance id.
        return await DurableTaskTestHost.StartAsync(
            tasks => tasks
                .AddOrchestratorFunc<GenerationInput, GenerationResult>(PipelineTasks.Generation, (context, _) => orchestration.GenerationAsync(context))
                .AddActivityFunc<GenerationRequest, ValidationOutcome>(PipelineTasks.ValidateRequest, (context, input) => activities.ValidateRequestAsync(input, Invocation(context)))
                .AddActivityFunc<VariationWork, WrittenSheet>(PipelineTasks.WriteSheet, (context, input) => activities.WriteSheetAsync(input, Invocation(context)))
                .AddActivityFunc<RenderWork, string>(PipelineTasks.RenderMidi, (context, input) => activities.RenderMidiAsync(input, Invocation(context)))
                .AddActivityFunc<RenderWork, string>(PipelineTasks.RenderMusicXml, (context, input) => activities.RenderMusicXmlAsync(input, Invocation(context)))
                .AddActivityFunc<RecordWork, string>(PipelineTasks.RecordGeneration, (context, input) => activities.RecordGenerationAsync(input, Invocation(context)))
                .AddActivityFunc<string, int>(PipelineTasks.DiscardGeneration, (context, input) => activities.DiscardGenerationAsync(input, Invocation(context))),
            new DurableTaskTestHostOptions { Port = FreePort.Next(), LoggerFactory = logs });
    }

    private static TestFunctionContext Invocation(TaskActivityContext context) => TestFunctionContext.For(context.InstanceId);

    private static async Task<OrchestrationMetadata> WaitAsync(DurableTaskTestHost host, string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }
}

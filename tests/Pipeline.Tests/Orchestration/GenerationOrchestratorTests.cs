using System.Xml.Linq;
using Microsoft.DurableTask.Client;
using NAudio.Midi;
using SithSynth.Domain.Generation;
using SithSynth.Domain.Requests;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Contract;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Pipeline.Tests.Orchestration;

/// <summary>Whole orchestrations on the real Durable Task engine (in memory), with the shipped models and a real folder store.</summary>
public sealed class GenerationOrchestratorTests : IDisposable
{
    private static readonly GenerationRequest FourVariations = new() { Bars = 8, Variations = 4, Seed = 4242, Key = "Eb", Valence = [1] };

    private readonly TemporaryFolder _folder = new();

    private LocalFolderArtifactStore Folder => new(_folder.Path, "/api/files", LinkSigner.WithNewKey(), TimeSpan.FromHours(1), TimeProvider.System);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Four_variations_store_every_file_under_its_name_with_the_bytes_the_generator_writes()
    {
        var store = Folder;
        await using var host = await PipelineHost.StartAsync(store);

        var id = await StartAsync(host, FourVariations);
        var done = await host.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var result = done.ReadOutputAs<GenerationResult>()!;
        Assert.Equal(4242UL, result.Request.Seed);
        Assert.Equal([1, 2, 3, 4], result.Variations.Select(v => v.Variation));

        var spec = SettledRequest.ToSpec(result.Request, ShippedModels.Catalog.Cards);
        var model = ShippedModels.Catalog.Model(spec.Model);
        foreach (var variation in result.Variations)
        {
            Assert.Equal($"{id}/{variation.Variation}/leadsheet.mid", variation.Midi);
            Assert.Equal($"{id}/{variation.Variation}/leadsheet.musicxml", variation.MusicXml);
            Assert.Equal($"{id}/{variation.Variation}/leadsheet.json", variation.Report);
            Assert.Equal(LeadSheetGenerator.VariationSeed(spec, variation.Variation - 1), variation.Seed);
            Assert.Equal(8, variation.Analysis.Valence.Count);

            // Byte for byte what the CLI writes for the same request, seed and variation.
            var expected = SheetFiles.Render(spec, LeadSheetGenerator.Generate(spec, model, variation.Variation - 1));
            var midi = await store.ReadAsync(ArtifactName.Parse(variation.Midi));
            Assert.Equal(expected.Midi, midi);
            Assert.Equal(expected.MusicXml, await store.ReadAsync(ArtifactName.Parse(variation.MusicXml)));
            Assert.Equal(expected.Report, await store.ReadAsync(ArtifactName.Parse(variation.Report)));

            using var stream = new MemoryStream(midi);
            Assert.True(new MidiFile(stream, strictChecking: true).Events.Tracks > 0);
            Assert.Equal("score-partwise", XDocument.Parse(System.Text.Encoding.UTF8.GetString(expected.MusicXml)).Root!.Name.LocalName);
        }

        Assert.Equal($"{id}/generation.json", result.Manifest);
        Assert.NotEmpty(await store.ReadAsync(ArtifactName.Manifest(id)));
        Assert.Equal(
            [PipelineStage.Validating, PipelineStage.Generating, PipelineStage.Rendering, PipelineStage.Storing],
            result.Timings.Select(t => t.Stage));
        Assert.All(result.Timings, t => Assert.True(t.Milliseconds >= 0));

        // Names and summaries only: one 8-bar MusicXML file is about 28 KB, the whole result of four variations under 8 KiB.
        Assert.InRange(done.SerializedOutput!.Length, 1, 8 * 1024);

        var progress = done.ReadCustomStatusAs<GenerationProgress>()!;
        Assert.Equal(PipelineStage.Done, progress.Stage);
        Assert.Equal(1, progress.Progress);
        Assert.Equal("4 variations ready", progress.Detail);
    }

    [Fact]
    public async Task A_save_that_fails_once_is_retried_and_the_generation_completes()
    {
        var store = new FaultyArtifactStore(Folder, (name, attempt) =>
            name.Kind == ArtifactKind.Midi && name.Variation == 2 && attempt == 1 ? new IOException("The storage account was busy.") : null);
        await using var host = await PipelineHost.StartAsync(store);

        var id = await StartAsync(host, FourVariations);
        var done = await host.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(2, store.Attempts(ArtifactName.Of(id, 2, ArtifactKind.Midi)));
        Assert.Equal(1, store.Attempts(ArtifactName.Of(id, 1, ArtifactKind.Midi)));
        Assert.NotEmpty(await store.ReadAsync(ArtifactName.Of(id, 2, ArtifactKind.Midi)));
    }

    [Fact]
    public async Task A_failure_retrying_cannot_fix_fails_the_generation_at_once_saying_where_and_why()
    {
        var store = new FaultyArtifactStore(Folder, (name, _) =>
            name.Kind == ArtifactKind.MusicXml && name.Variation == 3 ? new InvalidDataException("The score is not a lead sheet.\nRequestId: 42\n<Error/>") : null);
        await using var host = await PipelineHost.StartAsync(store);

        var id = await StartAsync(host, FourVariations);
        var done = await host.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(1, store.Attempts(ArtifactName.Of(id, 3, ArtifactKind.MusicXml)));
        Assert.Equal(typeof(GenerationFailedException).FullName, done.FailureDetails!.ErrorType);
        Assert.Contains("rendering variation 3 failed", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("The score is not a lead sheet.", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("RequestId", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);

        var progress = done.ReadCustomStatusAs<GenerationProgress>()!;
        Assert.Equal(PipelineStage.Failed, progress.Stage);
        Assert.Equal(new GenerationFailure(PipelineStage.Rendering, 3, typeof(InvalidDataException).FullName!, "The score is not a lead sheet."), progress.Error);
    }

    [Fact]
    public async Task A_transient_failure_that_outlasts_the_retries_fails_after_the_last_attempt()
    {
        var store = new FaultyArtifactStore(Folder, (name, _) =>
            name.Kind == ArtifactKind.Report && name.Variation == 1 ? new IOException("The storage account is down.") : null);
        await using var host = await PipelineHost.StartAsync(store);

        var id = await StartAsync(host, FourVariations with { Variations = 1 });
        var done = await host.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(PipelineHost.QuickRetries.MaxAttempts, store.Attempts(ArtifactName.Of(id, 1, ArtifactKind.Report)));
        var error = done.ReadCustomStatusAs<GenerationProgress>()!.Error!;
        Assert.Equal((PipelineStage.Generating, (int?)1, typeof(IOException).FullName!), (error.Stage, error.Variation, error.ErrorType));
    }

    [Fact]
    public async Task A_request_that_is_no_longer_valid_fails_at_validation_with_every_problem()
    {
        await using var host = await PipelineHost.StartAsync(Folder);

        var id = await StartAsync(host, new GenerationRequest { Bars = 2, Model = "nonesuch" });
        var done = await host.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        var error = done.ReadCustomStatusAs<GenerationProgress>()!.Error!;
        Assert.Equal((PipelineStage.Validating, (int?)null, GenerationOrchestrator.InvalidRequestError), (error.Stage, error.Variation, error.ErrorType));
        Assert.Contains("model:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_running_generation_can_be_terminated()
    {
        var store = new GatedArtifactStore(Folder);
        await using var host = await PipelineHost.StartAsync(store);

        var id = await StartAsync(host, FourVariations);
        await store.Reached.WaitAsync(PipelineHost.Patience);
        var running = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Running, running!.RuntimeStatus);
        Assert.Equal(PipelineStage.Generating, running.ReadCustomStatusAs<GenerationProgress>()!.Stage);

        await host.Client.TerminateInstanceAsync(id, "test");
        var done = await host.WaitAsync(id);
        store.Open();

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
    }

    private static Task<string> StartAsync(PipelineHost host, GenerationRequest request) =>
        host.Client.ScheduleNewOrchestrationInstanceAsync(PipelineTasks.Generation, new GenerationInput(request, RequestFingerprint.Of(request)));
}

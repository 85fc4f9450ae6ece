using Microsoft.DurableTask;
using SithSynth.Domain.Models;
using SithSynth.Pipeline.Artifacts;

namespace SithSynth.Pipeline.Orchestration;

/// <summary>
/// The names the orchestration and its activities are registered and called under, and their registration for a
/// Durable Task worker (the <c>serve</c> host, tests). The Functions app binds the same names to its trigger functions.
/// </summary>
public static class PipelineTasks
{
    public const string Generation = "Generation";
    public const string ValidateRequest = "ValidateRequest";
    public const string WriteSheet = "WriteSheet";
    public const string RenderMidi = "RenderMidi";
    public const string RenderMusicXml = "RenderMusicXml";
    public const string RecordGeneration = "RecordGeneration";
    public const string DiscardGeneration = "DiscardGeneration";

    /// <summary>
    /// Registers the orchestrator and the activities. Activities are stateless singletons over the shared catalogue (one
    /// ONNX session per model per process) and the artifact store.
    /// </summary>
    public static DurableTaskRegistry AddSithSynthPipeline(this DurableTaskRegistry registry, ModelCatalog catalog, IArtifactStore store, RetrySettings? retry = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var settings = retry ?? RetrySettings.Default;
        return registry
            .AddOrchestrator(Generation, () => new GenerationOrchestrator(settings))
            .AddActivity(ValidateRequest, new ValidateRequestActivity(catalog))
            .AddActivity(WriteSheet, new WriteSheetActivity(catalog, store))
            .AddActivity(RenderMidi, new RenderMidiActivity(store))
            .AddActivity(RenderMusicXml, new RenderMusicXmlActivity(store))
            .AddActivity(RecordGeneration, new RecordGenerationActivity(store))
            .AddActivity(DiscardGeneration, new DiscardGenerationActivity(store));
    }
}

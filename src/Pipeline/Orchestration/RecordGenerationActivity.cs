using System.Text.Json;
using Microsoft.DurableTask;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Contract;

namespace SithSynth.Pipeline.Orchestration;

/// <summary>
/// Stores the finished generation's result beside its files (<c>{id}/generation.json</c>), so the artifacts still say
/// what they are, which seed made them and how they measure after the orchestration's history has been purged.
/// </summary>
public sealed class RecordGenerationActivity(IArtifactStore store) : TaskActivity<RecordWork, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, RecordWork input) => ExecuteAsync(input);

    /// <summary>The activity's work, for hosts that bind activities as functions (the Functions app) rather than register them.</summary>
    public async Task<string> ExecuteAsync(RecordWork input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var manifest = ArtifactName.Manifest(input.GenerationId);
        await store.SaveAsync(manifest, JsonSerializer.SerializeToUtf8Bytes(input.Result, ContractJson.Options)).ConfigureAwait(false);
        return manifest.Value;
    }
}

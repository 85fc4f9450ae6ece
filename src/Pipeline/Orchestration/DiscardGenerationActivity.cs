using Microsoft.DurableTask;
using SithSynth.Pipeline.Artifacts;

namespace SithSynth.Pipeline.Orchestration;

/// <summary>
/// Deletes what a failed generation had stored (scores, reports, files of the variations that did finish), so no file
/// is left that nothing references; returns how many went. Takes the id, never a list: the orchestration need not
/// know every name an activity wrote, and a retry deletes whatever is still there.
/// </summary>
public sealed class DiscardGenerationActivity(IArtifactStore store) : TaskActivity<string, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, string input) => ExecuteAsync(input);

    /// <summary>The activity's work, for hosts that bind activities as functions (the Functions app) rather than register them.</summary>
    public Task<int> ExecuteAsync(string input)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        return store.DeleteGenerationAsync(input);
    }
}

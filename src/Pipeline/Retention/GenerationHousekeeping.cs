using Microsoft.DurableTask.Client;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Contract;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Pipeline.Retention;

/// <summary>
/// What is left behind when generations end. A canceled generation cannot clean up after itself (termination runs no
/// orchestrator code, and its activities in flight still finish and write), and a failed one may not have managed to:
/// <see cref="SweepLeftoversAsync"/> deletes the files of every canceled or failed generation the engine still knows,
/// so anything written after the cancel goes at the next sweep. <see cref="PurgeFinishedAsync"/> forgets finished
/// generations altogether, for an engine that keeps them in memory.
/// </summary>
public sealed class GenerationHousekeeping(DurableTaskClient client, IArtifactStore store)
{
    /// <summary>
    /// How far back a sweep looks: a generation's activities are done within minutes of its end, so a day leaves a wide
    /// margin while each sweep reads only a day of canceled and failed instances, not the task hub's whole history.
    /// </summary>
    public static readonly TimeSpan SweepWindow = TimeSpan.FromDays(1);

    /// <summary>
    /// How long a canceled or failed generation is kept after its end before it may be purged: activities that were
    /// queued or running at the cancel still write, and once the generation is forgotten no sweep can find their files.
    /// </summary>
    public static readonly TimeSpan LeftoverSettle = TimeSpan.FromMinutes(10);

    private static readonly OrchestrationRuntimeStatus[] Unsuccessful = [OrchestrationRuntimeStatus.Terminated, OrchestrationRuntimeStatus.Failed];

    private static readonly OrchestrationRuntimeStatus[] Finished = [OrchestrationRuntimeStatus.Completed, .. Unsuccessful];

    /// <summary>
    /// Deletes the files of canceled and failed generations created since <paramref name="createdSince"/>; repeating it
    /// is cheap and harmless. Completed generations are never touched: their files are what the links open.
    /// </summary>
    public async Task<HousekeepingReport> SweepLeftoversAsync(DateTimeOffset createdSince, CancellationToken cancellationToken = default)
    {
        var generations = 0;
        var files = 0;
        await foreach (var instance in GenerationsAsync(Unsuccessful, createdSince, null, cancellationToken).ConfigureAwait(false))
        {
            files += await store.DeleteGenerationAsync(instance.InstanceId, cancellationToken).ConfigureAwait(false);
            generations++;
        }

        return new HousekeepingReport(generations, files);
    }

    /// <summary>
    /// Removes from the engine every completed generation last updated before <paramref name="finishedBefore"/> (its
    /// status is then a 404), and every canceled or failed one <see cref="LeftoverSettle"/> before that, deleting its
    /// files first, so none is left unreferenced. A completed generation's files stay: links signed before the purge
    /// keep working until they expire.
    /// </summary>
    public async Task<HousekeepingReport> PurgeFinishedAsync(DateTimeOffset finishedBefore, CancellationToken cancellationToken = default)
    {
        var stale = new List<OrchestrationMetadata>();
        await foreach (var instance in GenerationsAsync(Finished, null, finishedBefore, cancellationToken).ConfigureAwait(false))
        {
            var cutoff = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? finishedBefore : finishedBefore - LeftoverSettle;
            if (instance.LastUpdatedAt <= cutoff)
            {
                stale.Add(instance);
            }
        }

        // Purged after the listing, not during it: the engine's pages are positions in the very collection purged.
        var generations = 0;
        var files = 0;
        foreach (var instance in stale)
        {
            if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
            {
                files += await store.DeleteGenerationAsync(instance.InstanceId, cancellationToken).ConfigureAwait(false);
            }

            var purged = await client.PurgeInstanceAsync(instance.InstanceId, cancellationToken).ConfigureAwait(false);
            generations += purged.PurgedInstanceCount;
        }

        return new HousekeepingReport(generations, files);
    }

    private async IAsyncEnumerable<OrchestrationMetadata> GenerationsAsync(
        OrchestrationRuntimeStatus[] statuses, DateTimeOffset? createdFrom, DateTimeOffset? createdTo,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = new OrchestrationQuery(CreatedFrom: createdFrom, CreatedTo: createdTo, Statuses: statuses, PageSize: 100);
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            // Only this pipeline's generations: the task hub may be shared, and only their ids name artifacts.
            if (instance.Name == PipelineTasks.Generation && GenerationId.IsValid(instance.InstanceId))
            {
                yield return instance;
            }
        }
    }
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Retention;

namespace SithSynth.Functions;

/// <summary>
/// Deletes the blobs canceled and failed generations left behind (see <see cref="GenerationHousekeeping"/>), on a
/// timer. Blobs of completed generations are left to the storage account's lifecycle rule (artifactRetentionDays).
/// </summary>
public sealed partial class HousekeepingFunctions(IArtifactStore store, TimeProvider time, ILogger<HousekeepingFunctions> logger)
{
    public const string SweepLeftoversName = "SweepLeftovers";

    /// <summary>Every five minutes: a canceled generation's blobs outlive its last activity by at most that.</summary>
    public const string SweepSchedule = "0 */5 * * * *";

    [Function(SweepLeftoversName)]
    public async Task SweepLeftoversAsync(
        [TimerTrigger(SweepSchedule)] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var report = await new GenerationHousekeeping(client, store)
            .SweepLeftoversAsync(time.GetUtcNow() - GenerationHousekeeping.SweepWindow, cancellationToken);
        if (report.Files > 0)
        {
            Log.Swept(logger, report.Files, report.Generations);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Deleted {Files} leftover files of {Generations} canceled or failed generations")]
        public static partial void Swept(ILogger logger, int files, int generations);
    }
}

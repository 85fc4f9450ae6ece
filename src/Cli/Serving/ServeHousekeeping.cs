using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Retention;

namespace SithSynth.Cli.Serving;

/// <summary>
/// serve's share of <see cref="GenerationHousekeeping"/>, on a timer once the engine answers: the files canceled and
/// failed generations left are deleted, and on the in-memory engine every finished generation is forgotten once
/// <paramref name="keep"/> (the link lifetime) has passed since it finished, so a serve that runs for weeks holds only
/// the generations of the last link lifetime. On Azure Storage history stays in the task hub's tables, as in Azure.
/// </summary>
internal sealed class ServeHousekeeping(IServiceProvider services, IArtifactStore store, EngineReadiness readiness, TimeSpan keep, bool purge, TimeProvider time) : BackgroundService
{
    /// <summary>How often it runs: a quarter of the keeping time, from a second (tests) to half a minute.</summary>
    public TimeSpan Interval { get; } = TimeSpan.FromTicks(Math.Clamp(keep.Ticks / 4, TimeSpan.TicksPerSecond, 30 * TimeSpan.TicksPerSecond));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.Ready.WaitAsync(stoppingToken).ConfigureAwait(false);
        var housekeeping = new GenerationHousekeeping(services.GetRequiredService<DurableTaskClient>(), store);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(ServeLog.Category);
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var now = time.GetUtcNow();
                var swept = await housekeeping.SweepLeftoversAsync(now - GenerationHousekeeping.SweepWindow, stoppingToken).ConfigureAwait(false);
                var purged = purge ? await housekeeping.PurgeFinishedAsync(now - keep, stoppingToken).ConfigureAwait(false) : new HousekeepingReport(0, 0);
                if (swept.Files + purged.Files + purged.Generations > 0)
                {
                    ServeLog.Housekept(logger, swept.Files + purged.Files, purged.Generations);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The next round tries again; one failed round (storage briefly unreachable) is no reason to stop serving.
                ServeLog.HousekeepingFailed(logger, e);
            }
        }
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using SithSynth.Pipeline.Contract;

namespace SithSynth.Cli.Serving;

/// <summary>
/// Kestrel answers before the Durable engine behind it does: until one client call has gone through the sidecar to the
/// backend, the API answers 503 with Retry-After (health included, so "healthy" means a POST will be scheduled), never a
/// 500 from a schedule that raced the engine's start.
/// </summary>
internal sealed class EngineReadiness
{
    private const string ProbeInstance = "sithsynth-readiness-probe";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>
    /// Probes the engine until it answers, then runs <paramref name="announce"/> (serve's start-up line, so it is out
    /// before health says 200) and lets requests through. Fails after a minute with the last error, for serve to report.
    /// </summary>
    public async Task OpenAsync(IServiceProvider services, CancellationToken cancel, Action? announce = null)
    {
        await ProbeAsync(services, cancel).ConfigureAwait(false);
        announce?.Invoke();
        _ready.TrySetResult();
    }

    /// <summary>Completes once serve is open (the engine has answered), for work that must not call it before.</summary>
    public Task Ready => _ready.Task;

    private static async Task ProbeAsync(IServiceProvider services, CancellationToken cancel)
    {
        var client = services.GetRequiredService<DurableTaskClient>();
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        patience.CancelAfter(Patience);
        while (true)
        {
            try
            {
                await client.GetInstanceAsync(ProbeInstance, patience.Token).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (!cancel.IsCancellationRequested && e is not OperationCanceledException)
            {
                if (patience.IsCancellationRequested)
                {
                    throw new InvalidOperationException($"the Durable engine did not answer within {Patience.TotalSeconds:0} s: {e.Message}", e);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), patience.Token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Answers /api requests with 503 until <see cref="OpenAsync"/> has let them through.</summary>
    public void Guard(IApplicationBuilder app, int sidecarPort) => app.Use(async (context, next) =>
    {
        if (!IsReady && context.Connection.LocalPort != sidecarPort && context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.Headers[HeaderNames.RetryAfter] = "1";
            await ApiResponse.Problem(ServeProblems.Starting(context.Request.Path.Value)).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    });
}

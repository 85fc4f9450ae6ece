using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SithSynth.Cli.Serving;
using SithSynth.Domain.Models;
using SithSynth.Pipeline.Admission;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Idempotency;

namespace SithSynth.Cli.Benchmarks;

/// <summary>
/// What one flooding crowd does to a polite client: the polite client's latency (POST to completed, one 16-bar sheet
/// at a time) alone, then while flooders POST the largest requests (40 bars × 8 variations) without pause from their
/// own addresses (forwarded by a trusted proxy, as behind a front door), with the default budgets and with none.
/// Each flooder fires a burst of heavy POSTs back to back as the polite client starts; each run gets a fresh serve in
/// this process, and everything admitted is drained before the next run (abandoning work inside ONNX Runtime at
/// shutdown is what crashes a process).
/// </summary>
internal static class FloodBenchmark
{
    private const string Polite = """{"model":"lstm","bars":16}""";
    private const string Heavy = """{"model":"lstm","bars":40,"variations":8}""";

    /// <summary>A polite generation still unfinished after this long counts as this long (and as timed out).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public sealed record Settings(int PoliteGenerations, int Flooders, int BurstPerFlooder = 6);

    private sealed record Run(string Name, List<double> Latencies, int TimedOut, int FloodAdmitted, int FloodRefused);

    public static async Task<string> RunAsync(ModelCatalog catalog, Settings settings, TextWriter progress)
    {
        var runs = new List<Run>();
        foreach (var (name, flood, admission) in new[] { ("alone", false, true), ("flood, default budgets", true, true), ("flood, no budgets", true, false) })
        {
            progress.WriteLine($"{name}…");
            runs.Add(await RunOnceAsync(catalog, settings, name, flood, admission ? new AdmissionSettings() : new AdmissionSettings { ClientBudget = 0, ClientInFlight = 0, GlobalBudget = 0 }).ConfigureAwait(false));
        }

        var alone = P95(runs[0].Latencies);
        var text = new StringBuilder();
        text.AppendLine(Invariant($"A polite client ({settings.PoliteGenerations} one-variation 16-bar lstm sheets, one after another) alone, and while {settings.Flooders} clients from their own addresses each fire {settings.BurstPerFlooder} 40-bar × 8-variation POSTs back to back:"));
        text.AppendLine();
        text.AppendLine(Invariant($"| run | polite median ms | polite p95 ms | p95 vs alone | polite sheets unfinished after {Patience.TotalSeconds:0} s | flood POSTs admitted | flood POSTs refused (429/503) |"));
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var run in runs)
        {
            var atLeast = run.TimedOut > 0 ? "≥ " : "";
            text.AppendLine(Invariant($"| {run.Name} | {atLeast}{Latencies.Median(run.Latencies):0} | {atLeast}{P95(run.Latencies):0} | {atLeast}{P95(run.Latencies) / alone:0.0}× | {run.TimedOut} | {run.FloodAdmitted} | {run.FloodRefused} |"));
        }

        return text.ToString();
    }

    private static async Task<Run> RunOnceAsync(ModelCatalog catalog, Settings settings, string name, bool flood, AdmissionSettings budgets)
    {
        var artifacts = Path.Combine(Path.GetTempPath(), "sithsynth-bench-flood", Guid.NewGuid().ToString("N"));
        var url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var store = new LocalFolderArtifactStore(artifacts, FileDownloads.Route, LinkSigner.WithNewKey(), TimeSpan.FromHours(1), TimeProvider.System);
        var serve = new ServeSettings([url], catalog.Directory, artifacts, null, "", TimeSpan.FromHours(1), null) { TrustedProxies = new HashSet<IPAddress> { IPAddress.Loopback } };
        var readiness = new EngineReadiness();
        var admission = new AdmissionControl(budgets, new InMemoryAdmissionLedger(), TimeProvider.System);
        await using var app = LocalApi.Build(serve, catalog, TaskHubEngine.InMemory(), store, IdempotencyScope.WithNewSecret(), readiness, admission, LogLevel.Warning);
        await app.StartAsync().ConfigureAwait(false);
        await readiness.OpenAsync(app.Services, CancellationToken.None).ConfigureAwait(false);
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(10) };
        try
        {
            await GenerateAsync(http, Polite, "192.0.2.1").ConfigureAwait(false); // warm-up
            var admitted = new List<Uri>();
            var refused = 0;
            var flooders = flood
                ? Enumerable.Range(0, settings.Flooders).Select(f => Task.Run(async () =>
                {
                    for (var n = 0; n < settings.BurstPerFlooder; n++)
                    {
                        using var post = await PostAsync(http, Heavy, $"198.51.100.{f + 1}").ConfigureAwait(false);
                        lock (admitted)
                        {
                            if (post.Headers.Location is { } location)
                            {
                                admitted.Add(location);
                            }
                            else
                            {
                                refused++;
                            }
                        }

                    }
                })).ToList()
                : [];

            var latencies = new List<double>();
            var timedOut = 0;
            for (var i = 0; i < settings.PoliteGenerations && timedOut == 0; i++)
            {
                using var patience = new CancellationTokenSource(Patience);
                try
                {
                    latencies.Add(await GenerateAsync(http, Polite, "192.0.2.1", patience.Token).ConfigureAwait(false));
                }
                catch (OperationCanceledException) when (patience.IsCancellationRequested)
                {
                    // One unfinished sheet says enough; the rest would wait behind the same backlog.
                    latencies.Add(Patience.TotalMilliseconds);
                    timedOut++;
                }
            }

            await Task.WhenAll(flooders).ConfigureAwait(false);

            // The admitted flood finishes before the next run, so it neither slows that one nor is abandoned.
            foreach (var location in admitted)
            {
                await FinishedAsync(http, location).ConfigureAwait(false);
            }

            return new Run(name, latencies, timedOut, admitted.Count, refused);
        }
        finally
        {
            await app.StopAsync().ConfigureAwait(false);
            if (Directory.Exists(artifacts))
            {
                Directory.Delete(artifacts, recursive: true);
            }
        }
    }

    private static async Task<double> GenerateAsync(HttpClient http, string body, string caller, CancellationToken cancel = default)
    {
        var started = Stopwatch.GetTimestamp();
        using var post = await PostAsync(http, body, caller).ConfigureAwait(false);
        if (post.Headers.Location is not { } location)
        {
            throw new InvalidOperationException($"The polite client was refused: {(int)post.StatusCode}.");
        }

        await FinishedAsync(http, location, cancel).ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string body, string caller)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/generations") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Forwarded-For", caller);
        return await http.SendAsync(request).ConfigureAwait(false);
    }

    private static async Task FinishedAsync(HttpClient http, Uri location, CancellationToken cancel = default)
    {
        while (JsonNode.Parse(await http.GetStringAsync(location, cancel).ConfigureAwait(false))!["status"]!.GetValue<string>() is "pending" or "running")
        {
            await Task.Delay(ApiBenchmark.PollInterval, cancel).ConfigureAwait(false);
        }
    }

    private static double P95(List<double> values) => Latencies.Percentile(values, 0.95);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

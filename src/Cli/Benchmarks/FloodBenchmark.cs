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
/// Each run gets a fresh serve in this process, and the flood's admitted work is drained before the next one starts.
/// </summary>
internal static class FloodBenchmark
{
    private const string Polite = """{"model":"lstm","bars":16}""";
    private const string Heavy = """{"model":"lstm","bars":40,"variations":8}""";

    public sealed record Settings(int PoliteGenerations, int Flooders);

    private sealed record Run(string Name, List<double> Latencies, int FloodAdmitted, int FloodRefused);

    public static async Task<string> RunAsync(ModelCatalog catalog, Settings settings, TextWriter progress)
    {
        var runs = new List<Run>();
        foreach (var (name, flood, admission) in new[] { ("alone", false, true), ("flood, default budgets", true, true), ("flood, no budgets", true, false) })
        {
            progress.WriteLine($"{name}…");
            runs.Add(await RunOnceAsync(catalog, settings, name, flood, admission ? new AdmissionSettings() : new AdmissionSettings { ClientBudget = 0, GlobalBudget = 0 }).ConfigureAwait(false));
        }

        var alone = P95(runs[0].Latencies);
        var text = new StringBuilder();
        text.AppendLine(Invariant($"A polite client ({settings.PoliteGenerations} one-variation 16-bar lstm sheets, one after another) alone and while {settings.Flooders} clients flood 40-bar × 8-variation POSTs from their own addresses:"));
        text.AppendLine();
        text.AppendLine("| run | polite median ms | polite p95 ms | p95 vs alone | flood POSTs admitted | flood POSTs refused (429/503) |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var run in runs)
        {
            text.AppendLine(Invariant($"| {run.Name} | {Percentile(run.Latencies, 0.5):0} | {P95(run.Latencies):0} | {P95(run.Latencies) / alone:0.0}× | {run.FloodAdmitted} | {run.FloodRefused} |"));
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
        await EngineReadiness.ProbeAsync(app.Services, CancellationToken.None).ConfigureAwait(false);
        readiness.Open();
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(10) };
        try
        {
            await GenerateAsync(http, Polite, "192.0.2.1").ConfigureAwait(false); // warm-up
            using var stop = new CancellationTokenSource();
            var admitted = new List<Uri>();
            var refused = 0;
            var flooders = flood
                ? Enumerable.Range(0, settings.Flooders).Select(f => Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
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

                        if (post.StatusCode != HttpStatusCode.Accepted)
                        {
                            await Task.Delay(50).ConfigureAwait(false); // a flooder that ignores Retry-After, but not the CPU
                        }
                    }
                })).ToList()
                : [];

            var latencies = new List<double>();
            for (var i = 0; i < settings.PoliteGenerations; i++)
            {
                latencies.Add(await GenerateAsync(http, Polite, "192.0.2.1").ConfigureAwait(false));
            }

            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(flooders).ConfigureAwait(false);

            // The admitted flood finishes before the next run, so it does not slow that one.
            if (budgets.ClientBudget > 0)
            {
                foreach (var location in admitted)
                {
                    await FinishedAsync(http, location).ConfigureAwait(false);
                }
            }

            return new Run(name, latencies, admitted.Count, refused);
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

    private static async Task<double> GenerateAsync(HttpClient http, string body, string caller)
    {
        var started = Stopwatch.GetTimestamp();
        using var post = await PostAsync(http, body, caller).ConfigureAwait(false);
        if (post.Headers.Location is not { } location)
        {
            throw new InvalidOperationException($"The polite client was refused: {(int)post.StatusCode}.");
        }

        await FinishedAsync(http, location).ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string body, string caller)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/generations") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Forwarded-For", caller);
        return await http.SendAsync(request).ConfigureAwait(false);
    }

    private static async Task FinishedAsync(HttpClient http, Uri location)
    {
        while (JsonNode.Parse(await http.GetStringAsync(location).ConfigureAwait(false))!["status"]!.GetValue<string>() is "pending" or "running")
        {
            await Task.Delay(ApiBenchmark.PollInterval).ConfigureAwait(false);
        }
    }

    private static double P95(List<double> values) => Percentile(values, 0.95);

    private static double Percentile(List<double> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Round(share * (sorted.Count - 1)))];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

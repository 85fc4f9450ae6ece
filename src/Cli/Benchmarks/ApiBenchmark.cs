using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SithSynth.Cli.Serving;
using SithSynth.Domain.Generation;
using SithSynth.Domain.Models;
using SithSynth.Domain.Requests;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Idempotency;

namespace SithSynth.Cli.Benchmarks;

/// <summary>
/// The whole service as a client sees it: serve's API in this process (in-memory Durable engine, local files), timed
/// from POST to a completed status, split by the orchestration's own stage timings, against the same sheet generated
/// and rendered directly in the same run; then how many generations per minute several clients at once get through.
/// </summary>
internal static class ApiBenchmark
{
    /// <summary>How often the benchmark's clients poll; a real client following Retry-After polls far less often.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private static readonly string[] Stages = ["validating", "generating", "rendering", "storing"];

    public sealed record Settings(string Model, int Bars, int Sequential, int Clients, TimeSpan LoadDuration, bool StockLimits = false);

    public static async Task<string> RunAsync(ModelCatalog catalog, Settings settings, TextWriter progress)
    {
        var artifacts = Path.Combine(Path.GetTempPath(), "sithsynth-bench-api", Guid.NewGuid().ToString("N"));
        var url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var store = new LocalFolderArtifactStore(artifacts, FileDownloads.Route, LinkSigner.WithNewKey(), TimeSpan.FromHours(1), TimeProvider.System);
        var serve = new ServeSettings([url], catalog.Directory, artifacts, null, "", TimeSpan.FromHours(1), null);
        try
        {
            var readiness = new EngineReadiness();
            await using var app = LocalApi.Build(serve, catalog, TaskHubEngine.InMemory(settings.StockLimits), store, IdempotencyScope.WithNewSecret(), readiness, admission: null, LogLevel.Warning);
            await app.StartAsync().ConfigureAwait(false);
            await readiness.OpenAsync(app.Services, CancellationToken.None).ConfigureAwait(false);
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };

            var direct = Direct(catalog, settings);
            progress.WriteLine(Invariant($"direct: {Latencies.Median(direct):0.0} ms per sheet; timing {settings.Sequential} generations one after another…"));
            await GenerateAsync(http, settings, 0).ConfigureAwait(false); // warm-up: JIT, first orchestration, model sessions
            var sequential = new List<Outcome>();
            for (var i = 1; i <= settings.Sequential; i++)
            {
                sequential.Add(await GenerateAsync(http, settings, (ulong)i).ConfigureAwait(false));
            }

            progress.WriteLine(Invariant($"{settings.Clients} clients for {settings.LoadDuration.TotalSeconds:0} s…"));
            var load = await LoadAsync(http, settings).ConfigureAwait(false);
            await app.StopAsync().ConfigureAwait(false);
            return Report(settings, direct, sequential, load);
        }
        finally
        {
            if (Directory.Exists(artifacts))
            {
                Directory.Delete(artifacts, recursive: true);
            }
        }
    }

    private sealed record Outcome(bool Completed, double Milliseconds, IReadOnlyDictionary<string, double> Stages);

    private sealed record Load(List<Outcome> Outcomes, TimeSpan Elapsed);

    /// <summary>The same work without the service around it: validate, generate and render in this thread.</summary>
    private static List<double> Direct(ModelCatalog catalog, Settings settings)
    {
        var model = catalog.Model(settings.Model);
        var times = new List<double>();
        for (var i = 0; i <= settings.Sequential; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var spec = GenerationRequestValidator.Validate(Request(settings, (ulong)i), catalog.Cards, () => 0).Spec!;
            SheetFiles.Render(spec, LeadSheetGenerator.Generate(spec, model, 0));
            if (i > 0)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return times;
    }

    private static async Task<Outcome> GenerateAsync(HttpClient http, Settings settings, ulong seed)
    {
        var started = Stopwatch.GetTimestamp();
        using var body = new StringContent(JsonSerializer.Serialize(Request(settings, seed), JsonSerializerOptions.Web), Encoding.UTF8, "application/json");
        using var post = await http.PostAsync(new Uri("/api/generations", UriKind.Relative), body).ConfigureAwait(false);
        if (post.StatusCode != HttpStatusCode.Accepted || post.Headers.Location is not { } statusUrl)
        {
            return new Outcome(false, Stopwatch.GetElapsedTime(started).TotalMilliseconds, new Dictionary<string, double>());
        }

        while (true)
        {
            var status = JsonNode.Parse(await http.GetStringAsync(statusUrl).ConfigureAwait(false))!;
            var state = status["status"]!.GetValue<string>();
            if (state is "completed" or "failed" or "canceled")
            {
                var stages = status["timings"]!.AsArray().ToDictionary(t => t!["stage"]!.GetValue<string>(), t => t!["milliseconds"]!.GetValue<double>());
                return new Outcome(state == "completed", Stopwatch.GetElapsedTime(started).TotalMilliseconds, stages);
            }

            await Task.Delay(PollInterval).ConfigureAwait(false);
        }
    }

    private static async Task<Load> LoadAsync(HttpClient http, Settings settings)
    {
        var outcomes = new List<Outcome>();
        var clock = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, settings.Clients).Select(async client =>
        {
            for (var n = 0UL; clock.Elapsed < settings.LoadDuration; n++)
            {
                var outcome = await GenerateAsync(http, settings, 1000 + (1000 * (ulong)client) + n).ConfigureAwait(false);
                lock (outcomes)
                {
                    outcomes.Add(outcome);
                }
            }
        });
        await Task.WhenAll(clients).ConfigureAwait(false);
        return new Load(outcomes, clock.Elapsed);
    }

    private static GenerationRequest Request(Settings settings, ulong seed) => new() { Model = settings.Model, Bars = settings.Bars, Seed = seed };

    private static string Report(Settings settings, List<double> direct, List<Outcome> sequential, Load load)
    {
        var text = new StringBuilder();
        var endToEnd = Latencies.Median([.. sequential.Select(o => o.Milliseconds)]);
        var directMedian = Latencies.Median(direct);
        text.AppendLine(Invariant($"One {settings.Bars}-bar {settings.Model} sheet, one variation, {settings.Sequential} generations one after another (medians){(settings.StockLimits ? ", in-memory backend with its stock dispatch limits (one work item per core)" : "")}:"));
        text.AppendLine();
        text.AppendLine("| measure | ms |");
        text.AppendLine("| --- | ---: |");
        text.AppendLine(Invariant($"| end to end: POST until the client sees `completed` (polling every {PollInterval.TotalMilliseconds:0} ms) | {endToEnd:0} |"));
        foreach (var stage in Stages)
        {
            text.AppendLine(Invariant($"| stage `{stage}` (the orchestration's own timing) | {Latencies.Median([.. sequential.Select(o => o.Stages.GetValueOrDefault(stage))]):0} |"));
        }

        text.AppendLine(Invariant($"| baseline: the same sheet validated, generated and rendered directly, no service | {directMedian:0.0} |"));
        text.AppendLine();
        text.AppendLine(Invariant($"The service costs {endToEnd / directMedian:0.0}× the bare work ({endToEnd - directMedian:0} ms of scheduling, activity dispatch, storage and polling per generation)."));
        text.AppendLine();

        var done = load.Outcomes.Count(o => o.Completed);
        var latencies = load.Outcomes.Where(o => o.Completed).Select(o => o.Milliseconds).ToList();
        text.AppendLine(Invariant($"{settings.Clients} concurrent clients, each POSTing and polling to completion in a loop for {load.Elapsed.TotalSeconds:0} s:"));
        text.AppendLine();
        text.AppendLine("| generations completed | failed | generations / minute | latency median ms | latency p95 ms |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: |");
        text.AppendLine(Invariant($"| {done} | {load.Outcomes.Count - done} | {done / load.Elapsed.TotalMinutes:0} | {Latencies.Percentile(latencies, 0.5):0} | {Latencies.Percentile(latencies, 0.95):0} |"));
        using var process = Process.GetCurrentProcess();
        text.AppendLine();
        text.AppendLine(Invariant($"Process memory after the run: working set {process.WorkingSet64 / 1048576.0:0} MiB, peak {process.PeakWorkingSet64 / 1048576.0:0} MiB."));
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

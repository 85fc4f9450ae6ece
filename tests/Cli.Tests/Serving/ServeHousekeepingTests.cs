using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SithSynth.Cli.Serving;
using SithSynth.Domain.Models;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Idempotency;

namespace SithSynth.Cli.Tests.Serving;

/// <summary>
/// serve's housekeeping, in this process so the link lifetime can be seconds: on the in-memory engine finished
/// generations are forgotten once their links' lifetime has passed (their status turns 404), nothing of them stays in
/// the engine or the create-if-absent client, and a canceled generation's files are swept without being asked.
/// </summary>
public sealed class ServeHousekeepingTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan LinkLifetime = TimeSpan.FromSeconds(3);

    private readonly string _artifacts = Sithsynth.NewFolder();
    private readonly TaskHubEngine _engine = TaskHubEngine.InMemory();
    private readonly Uri _url = new($"http://127.0.0.1:{FreePort.Next()}");
    private Microsoft.AspNetCore.Builder.WebApplication? _app;
    private readonly HttpClient _http;

    public ServeHousekeepingTests() => _http = new HttpClient { BaseAddress = _url, Timeout = TimeSpan.FromMinutes(1) };

    public async Task InitializeAsync()
    {
        var catalog = ModelCatalog.Load(ModelCatalog.DefaultDirectory);
        var store = new LocalFolderArtifactStore(_artifacts, FileDownloads.Route, LinkSigner.WithNewKey(), LinkLifetime, TimeProvider.System);
        var settings = new ServeSettings([_url], catalog.Directory, _artifacts, null, "", LinkLifetime, null);
        var readiness = new EngineReadiness();
        _app = LocalApi.Build(settings, catalog, _engine, store, IdempotencyScope.WithNewSecret(), readiness, admission: null, LogLevel.Warning);
        await _app.StartAsync();
        await readiness.OpenAsync(_app.Services, CancellationToken.None);
    }

    public void Dispose() => _http.Dispose();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Directory.Delete(_artifacts, recursive: true);
    }

    [Fact]
    public async Task Finished_generations_are_forgotten_after_the_link_lifetime_and_the_engine_stays_bounded()
    {
        var statusUrls = new List<Uri>();
        for (var i = 0; i < 6; i++)
        {
            using var post = await _http.SendAsync(ServeFixture.Post(ServeFixture.Json(new { model = "lstm", bars = 8, seed = $"{i + 1}" }), idempotencyKey: $"key-{i}"));
            Assert.Equal(202, (int)post.StatusCode);
            statusUrls.Add(post.Headers.Location!);
        }

        foreach (var url in statusUrls)
        {
            Assert.Equal("completed", (await ServeFixture.FinishedAsync(_http, url))["status"]!.GetValue<string>());
        }

        var client = _app!.Services.GetRequiredService<DurableTaskClient>();
        Assert.Equal(6, await CountAsync(client));

        // The lifetime, then at most one housekeeping round (a quarter of it, at least a second) and some slack.
        await WaitUntilAsync(async () => await CountAsync(client) == 0, LinkLifetime + TimeSpan.FromSeconds(20));

        foreach (var url in statusUrls)
        {
            using var gone = await _http.GetAsync(url);
            var problem = await ServeFixture.ProblemAsync(gone, 404);
            Assert.Equal("urn:sithsynth:problem:generation-not-found", problem["type"]!.GetValue<string>());
        }

        Assert.Equal(0, _engine.Client.Pending);

        // A purged key starts afresh instead of pointing at a generation nobody can read.
        using var again = await _http.SendAsync(ServeFixture.Post(ServeFixture.Json(new { model = "lstm", bars = 8, seed = "1" }), idempotencyKey: "key-0"));
        Assert.Equal(202, (int)again.StatusCode);
        Assert.Equal("completed", (await ServeFixture.FinishedAsync(_http, again.Headers.Location!))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_canceled_generation_leaves_no_files_once_housekeeping_has_run()
    {
        using var post = await _http.SendAsync(ServeFixture.Post(ServeFixture.Json(new { model = "lstm", bars = 40, variations = 8, seed = "9" })));
        var statusUrl = post.Headers.Location!;
        var id = statusUrl.Segments[^1];
        var folder = Path.Combine(_artifacts, ArtifactStorageSettings.DefaultContainerName, id);
        await WaitUntilAsync(() => Task.FromResult(Directory.Exists(folder)), TimeSpan.FromMinutes(1));

        using var cancel = await _http.DeleteAsync(statusUrl);
        Assert.Equal(202, (int)cancel.StatusCode);
        Assert.Equal("canceled", (await ServeFixture.FinishedAsync(_http, statusUrl))["status"]!.GetValue<string>());

        // Activities in flight at the cancel still write; within a few rounds nothing of the generation is left, and
        // nothing comes back (the instance is kept for the sweep well past the link lifetime).
        var absentSince = DateTime.MaxValue;
        await WaitUntilAsync(() =>
        {
            absentSince = Directory.Exists(folder) ? DateTime.MaxValue : absentSince == DateTime.MaxValue ? DateTime.UtcNow : absentSince;
            return Task.FromResult(DateTime.UtcNow - absentSince > TimeSpan.FromSeconds(5));
        }, TimeSpan.FromMinutes(1));
    }

    private static async Task<int> CountAsync(DurableTaskClient client)
    {
        var count = 0;
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery()))
        {
            count += instance.Name == Pipeline.Orchestration.PipelineTasks.Generation ? 1 : 0;
        }

        return count;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not so after {patience}.");
            await Task.Delay(200);
        }
    }
}

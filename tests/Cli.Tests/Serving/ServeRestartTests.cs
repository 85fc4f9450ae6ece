using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace SithSynth.Cli.Tests.Serving;

/// <summary>
/// What survives stopping serve and starting it again: links on the same folder, whole generations on Azure Storage,
/// and on Azure Storage generations that were mid-run when serve was killed (SIGKILL, no shutdown at all).
/// </summary>
public sealed class ServeRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Links_handed_out_before_a_restart_still_open_their_files_after_it()
    {
        var artifacts = Sithsynth.NewFolder();
        Uri link;
        await using (var first = await ServeProcess.StartAsync("--artifacts", artifacts))
        {
            link = await MidiLinkAsync(first.Http, new { model = "lstm", bars = 8, seed = "3" });
        }

        await using var second = await ServeProcess.StartAsync("--artifacts", artifacts);
        using var download = await second.Http.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("MThd"u8.ToArray(), (await download.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task On_Azure_Storage_a_generation_outlives_the_serve_that_ran_it()
    {
        await using var azurite = await PlainAzurite.StartAsync();
        Uri statusUrl;
        await using (var first = await ServeProcess.StartAsync("--storage", azurite.ConnectionString, "--task-hub", "RestartTest"))
        {
            Assert.Contains("Azure Storage task hub 'RestartTest'", first.Output, StringComparison.Ordinal);
            using var post = await first.Http.SendAsync(ServeFixture.Post(ServeFixture.Json(new { model = "lstm", bars = 8, seed = "5" })));
            statusUrl = post.Headers.Location!;
            await ServeFixture.FinishedAsync(first.Http, statusUrl);
        }

        await using var second = await ServeProcess.StartAsync("--storage", azurite.ConnectionString, "--task-hub", "RestartTest");
        var status = await ServeFixture.FinishedAsync(second.Http, new Uri(statusUrl.PathAndQuery, UriKind.Relative));
        Assert.Equal("completed", status["status"]!.GetValue<string>());

        // The link is a SAS on Azurite's blob endpoint, not a route of serve.
        var midi = new Uri(status["variations"]![0]!["files"]!["midi"]!["url"]!.GetValue<string>());
        Assert.Contains("sig=", midi.Query, StringComparison.Ordinal);
        using var http = new HttpClient();
        Assert.Equal("MThd"u8.ToArray(), (await http.GetByteArrayAsync(midi))[..4]);
    }

    [Fact]
    public async Task On_Azure_Storage_generations_killed_mid_run_complete_within_a_minute_of_the_restart_with_their_files_intact()
    {
        await using var azurite = await PlainAzurite.StartAsync();
        var storage = new Dictionary<string, string> { ["SITHSYNTH_STORAGE"] = azurite.ConnectionString };
        // One caller starts all four mid-run generations, more than the default in-flight cap lets one address have.
        string[] hub = ["--task-hub", "KillTest", "--client-in-flight", "0"];
        var statusUrls = new List<Uri>();
        await using (var doomed = await ServeProcess.StartAsync(storage, hub))
        {
            for (var i = 0; i < Generations; i++)
            {
                using var post = await doomed.Http.SendAsync(ServeFixture.Post(ServeFixture.Json(new { model = "lstm", bars = 24, variations = 4, seed = $"{i + 11}" })));
                Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
                statusUrls.Add(new Uri(post.Headers.Location!.PathAndQuery, UriKind.Relative));
            }

            // Killed while the engine is inside the work: activities running, messages taken from their queues.
            await UntilAsync(async () => await StatusAsync(doomed.Http, statusUrls[0]) is var s && s["stage"]!.GetValue<string>() is "generating" or "rendering" ? s : null, ServeFixture.Patience);
            var unfinished = 0;
            foreach (var url in statusUrls)
            {
                unfinished += (await StatusAsync(doomed.Http, url))["status"]!.GetValue<string>() == "completed" ? 0 : 1;
            }

            output.WriteLine($"killing serve with {unfinished} of {Generations} generations unfinished");
            var (_, exitCode) = await doomed.SignalAsync("KILL", TimeSpan.FromSeconds(10));
            Assert.Equal(137, exitCode);
        }

        var restarted = Stopwatch.StartNew();
        await using var revived = await ServeProcess.StartAsync(storage, hub);
        var ready = restarted.Elapsed;
        foreach (var url in statusUrls)
        {
            var status = await UntilAsync(async () => await StatusAsync(revived.Http, url) is var s && s["status"]!.GetValue<string>() is not ("pending" or "running") ? s : null, Recovery + Recovery);
            Assert.True(status["status"]!.GetValue<string>() == "completed", status.ToJsonString());
            await AssertFilesIntactAsync(status);
        }

        var recovered = restarted.Elapsed;
        output.WriteLine($"serve answered {ready.TotalSeconds:0.0} s after the restart; all {Generations} generations completed after {recovered.TotalSeconds:0.0} s");
        Assert.True(recovered < Recovery, $"{Generations} generations took {recovered.TotalSeconds:0.0} s after the restart (serve ready after {ready.TotalSeconds:0.0} s); the limit is {Recovery.TotalSeconds} s.\n{revived.Output}");
    }

    /// <summary>Every file of every variation opens from its link and is what it claims; the manifest went last and names them.</summary>
    private static async Task AssertFilesIntactAsync(JsonObject status)
    {
        using var http = new HttpClient();
        var variations = status["variations"]!.AsArray();
        Assert.Equal(4, variations.Count);
        foreach (var variation in variations)
        {
            var files = variation!["files"]!;
            var midi = await http.GetByteArrayAsync(files["midi"]!["url"]!.GetValue<string>());
            Assert.Equal("MThd"u8.ToArray(), midi[..4]);
            var musicXml = System.Xml.Linq.XDocument.Parse(await http.GetStringAsync(files["musicXml"]!["url"]!.GetValue<string>()));
            Assert.Equal("score-partwise", musicXml.Root!.Name.LocalName);
            Assert.NotNull(JsonNode.Parse(await http.GetStringAsync(files["report"]!["url"]!.GetValue<string>())));
        }
    }

    private const int Generations = 4;

    /// <summary>Issue 14: after a crash, resumed generations finish within a minute of the restart.</summary>
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(60);

    private static async Task<JsonObject> StatusAsync(HttpClient http, Uri statusUrl)
    {
        using var response = await http.GetAsync(statusUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan patience)
        where T : class
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            if (await probe() is { } result)
            {
                return result;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Not so after {patience}.");
            await Task.Delay(200);
        }
    }

    private static async Task<Uri> MidiLinkAsync(HttpClient http, object request)
    {
        using var post = await http.SendAsync(ServeFixture.Post(ServeFixture.Json(request)));
        var status = await ServeFixture.FinishedAsync(http, post.Headers.Location!);
        return new Uri(status["variations"]![0]!["files"]!["midi"]!["url"]!.GetValue<string>());
    }
}

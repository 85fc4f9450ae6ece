using System.Net;
using System.Text.Json.Nodes;

namespace SithSynth.Cli.Tests.Serving;

/// <summary>What survives stopping serve and starting it again: links on the same folder, whole generations on Azure Storage.</summary>
public sealed class ServeRestartTests
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

    private static async Task<Uri> MidiLinkAsync(HttpClient http, object request)
    {
        using var post = await http.SendAsync(ServeFixture.Post(ServeFixture.Json(request)));
        var status = await ServeFixture.FinishedAsync(http, post.Headers.Location!);
        return new Uri(status["variations"]![0]!["files"]!["midi"]!["url"]!.GetValue<string>());
    }
}

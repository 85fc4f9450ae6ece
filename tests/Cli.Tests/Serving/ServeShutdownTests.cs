namespace SithSynth.Cli.Tests.Serving;

/// <summary>serve stops promptly on SIGTERM or Ctrl+C, even with work in flight, and says so in one line.</summary>
public sealed class ServeShutdownTests
{
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Stops_within_five_seconds_with_a_generation_in_flight(string signal)
    {
        await using var serve = await ServeProcess.StartAsync("--artifacts", Sithsynth.NewFolder());
        using var post = await serve.Http.SendAsync(ServeFixture.Post(ServeFixture.Json(new { bars = 40, variations = 8 })));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, post.StatusCode);

        var (elapsed, exitCode) = await serve.SignalAsync(signal, TimeSpan.FromSeconds(60));

        Assert.True(elapsed < Promptly, $"serve took {elapsed.TotalSeconds:0.0} s to stop after SIG{signal}: {serve.Output}");
        Assert.Equal(0, exitCode);
        Assert.Contains("sithsynth serve: stopping…", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Channel to backend", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("warn:", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", serve.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_Azure_Storage_a_generation_stopped_in_flight_finishes_after_the_next_start()
    {
        await using var azurite = await PlainAzurite.StartAsync();
        Uri statusUrl;
        await using (var first = await ServeProcess.StartAsync("--storage", azurite.ConnectionString, "--task-hub", "ShutdownTest"))
        {
            using var post = await first.Http.SendAsync(ServeFixture.Post(ServeFixture.Json(new { model = "lstm", bars = 16, variations = 2, seed = "11" })));
            statusUrl = post.Headers.Location!;
            var (elapsed, exitCode) = await first.SignalAsync("TERM", TimeSpan.FromSeconds(60));
            Assert.True(elapsed < Promptly, $"serve took {elapsed.TotalSeconds:0.0} s to stop: {first.Output}");
            Assert.Equal(0, exitCode);
        }

        await using var second = await ServeProcess.StartAsync("--storage", azurite.ConnectionString, "--task-hub", "ShutdownTest");
        var status = await ServeFixture.FinishedAsync(second.Http, new Uri(statusUrl.PathAndQuery, UriKind.Relative));
        Assert.Equal("completed", status["status"]!.GetValue<string>());
        Assert.Equal(2, status["variations"]!.AsArray().Count);
    }
}

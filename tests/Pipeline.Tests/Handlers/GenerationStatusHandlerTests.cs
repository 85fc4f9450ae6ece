using System.Web;
using NAudio.Midi;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Contract;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Pipeline.Tests.Handlers;

public sealed class GenerationStatusHandlerTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_completed_generation_shows_seeds_analysis_timings_and_working_links()
    {
        var accepted = ApiFixture.Json(await api.Start.HandleAsync(ApiFixture.Post("""{"bars":8,"seed":"18446744073709551615","variations":2}""")));
        var id = accepted.GetProperty("id").GetString()!;

        var status = await api.FinishedAsync(id);

        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(PipelineStage.Done, status.GetProperty("stage").GetString());
        Assert.Equal(1, status.GetProperty("progress").GetDouble());
        Assert.Equal("18446744073709551615", status.GetProperty("seed").GetString());
        Assert.Equal(4, status.GetProperty("timings").GetArrayLength());
        var variations = status.GetProperty("variations").EnumerateArray().ToList();
        Assert.Equal([1, 2], variations.Select(v => v.GetProperty("variation").GetInt32()));
        foreach (var variation in variations)
        {
            Assert.True(ulong.TryParse(variation.GetProperty("seed").GetString(), out _));
            Assert.Equal(8, variation.GetProperty("analysis").GetProperty("density").GetArrayLength());
            var midi = variation.GetProperty("files").GetProperty("midi");
            Assert.Equal("audio/midi", midi.GetProperty("contentType").GetString());
            Assert.EndsWith($"-{variation.GetProperty("variation").GetInt32()}.mid", midi.GetProperty("fileName").GetString(), StringComparison.Ordinal);
            Assert.True(midi.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(55));

            // The link is absolute on this host and opens exactly the stored MIDI file, as the host will check it.
            var url = new Uri(midi.GetProperty("url").GetString()!);
            Assert.Equal($"http://{ApiFixture.Host}", url.GetLeftPart(UriPartial.Authority));
            var name = ArtifactName.Parse(url.AbsolutePath["/api/files/".Length..]);
            var query = HttpUtility.ParseQueryString(url.Query);
            Assert.Equal(LinkVerdict.Valid, api.Store.Signer.Verify(name.Value, query[LinkSigner.ExpiresParameter], query[LinkSigner.SignatureParameter], DateTimeOffset.UtcNow));
            using var file = File.OpenRead(api.Store.PathOf(name));
            Assert.True(new MidiFile(file, strictChecking: true).Events.Tracks > 0);
            Assert.Contains("/leadsheet.musicxml?", variation.GetProperty("files").GetProperty("musicXml").GetProperty("url").GetString(), StringComparison.Ordinal);
            Assert.Contains("/leadsheet.json?", variation.GetProperty("files").GetProperty("report").GetProperty("url").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Status_responses_are_never_cached_and_unfinished_ones_say_when_to_poll_again()
    {
        var id = ApiFixture.Json(await api.Start.HandleAsync(ApiFixture.Post("""{"bars":8,"variations":8}"""))).GetProperty("id").GetString()!;

        var response = await api.Status.HandleAsync(ApiFixture.Get($"/api/generations/{id}"), id);

        Assert.Equal(200, response.Status);
        Assert.Equal("no-store", response.Headers["Cache-Control"]);
        var status = ApiFixture.Json(response).GetProperty("status").GetString();
        Assert.True(status is "pending" or "running" or "completed", status);
        Assert.Equal(status != "completed", response.Headers.ContainsKey("Retry-After"));
    }

    [Fact]
    public async Task A_failed_generation_shows_its_structured_error()
    {
        // Valid at POST time for the handler, refused by the orchestration: scheduled straight on the engine.
        var request = new SithSynth.Domain.Requests.GenerationRequest { Model = "retired" };
        var id = await api.Engine.Client.ScheduleNewOrchestrationInstanceAsync(PipelineTasks.Generation, new GenerationInput(request, RequestFingerprint.Of(request)));

        var status = await api.FinishedAsync(id);

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Equal(PipelineStage.Failed, status.GetProperty("stage").GetString());
        var error = status.GetProperty("error");
        Assert.Equal(PipelineStage.Validating, error.GetProperty("stage").GetString());
        Assert.Equal(GenerationOrchestrator.InvalidRequestError, error.GetProperty("errorType").GetString());
        Assert.False(status.TryGetProperty("variations", out _));
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("NOT-AN-ID")]
    [InlineData("..%2F..%2Fetc")]
    public async Task An_unknown_id_is_404(string id)
    {
        var response = await api.Status.HandleAsync(ApiFixture.Get($"/api/generations/{id}"), id);

        Assert.Equal(404, response.Status);
        Assert.Equal("urn:sithsynth:problem:generation-not-found", ApiFixture.Json(response).GetProperty("type").GetString());
    }
}

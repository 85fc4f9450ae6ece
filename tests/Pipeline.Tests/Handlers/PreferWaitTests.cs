using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Contract;
using SithSynth.Pipeline.Handlers;
using SithSynth.Pipeline.Idempotency;
using SithSynth.Pipeline.Tests.Orchestration;

namespace SithSynth.Pipeline.Tests.Handlers;

/// <summary><c>Prefer: wait=N</c> on POST and GET: the finished answer in one round trip, or the usual one when time runs out.</summary>
public sealed class PreferWaitTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_POST_that_may_wait_answers_with_the_finished_status_document()
    {
        var request = ApiFixture.Post("""{"bars":8,"seed":"5","variations":2}""", idempotencyKey: "wait-post");
        request.Headers[WaitPreference.PreferHeader] = "wait=20";

        var response = await api.Start.HandleAsync(request);

        Assert.Equal(200, response.Status);
        var body = ApiFixture.Json(response);
        Assert.Equal("completed", body.GetProperty("status").GetString());
        Assert.Equal(2, body.GetProperty("variations").GetArrayLength());
        var id = body.GetProperty("id").GetString()!;
        var statusUrl = $"http://{ApiFixture.Host}/api/generations/{id}";
        Assert.Equal(statusUrl, response.Headers["Location"]);
        Assert.Equal(statusUrl, response.Headers["Content-Location"]);
        Assert.Equal("no-store", response.Headers["Cache-Control"]);
        Assert.False(response.Headers.ContainsKey("Retry-After"));

        // The same answer is what GET on the status URL says, files and all.
        var polled = ApiFixture.Json(await api.Status.HandleAsync(ApiFixture.Get($"/api/generations/{id}"), id));
        Assert.Equal(
            polled.GetProperty("variations").EnumerateArray().Select(v => v.GetProperty("seed").GetString()),
            body.GetProperty("variations").EnumerateArray().Select(v => v.GetProperty("seed").GetString()));
    }

    [Fact]
    public async Task A_POST_that_does_not_ask_to_wait_is_a_202_at_once()
    {
        var response = await api.Start.HandleAsync(ApiFixture.Post("""{"bars":8}"""));

        Assert.Equal(202, response.Status);
        Assert.Equal("1", response.Headers["Retry-After"]);
    }

    [Fact]
    public async Task A_repeated_POST_of_a_finished_generation_that_may_wait_gets_its_status_again()
    {
        var first = ApiFixture.Json(await api.Start.HandleAsync(ApiFixture.Post("""{"bars":8,"seed":"6"}""", idempotencyKey: "wait-again")));
        var id = first.GetProperty("id").GetString()!;
        await api.FinishedAsync(id);

        var again = ApiFixture.Post("""{"bars":8,"seed":"6"}""", idempotencyKey: "wait-again");
        again.Headers[WaitPreference.PreferHeader] = "wait=5";
        var response = await api.Start.HandleAsync(again);

        Assert.Equal(200, response.Status);
        Assert.Equal(id, ApiFixture.Json(response).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Problems_are_answered_at_once_whatever_the_wait()
    {
        var request = ApiFixture.Post("""{"bars":3}""");
        request.Headers[WaitPreference.PreferHeader] = "wait=20";

        var response = await api.Start.HandleAsync(request);

        Assert.Equal(400, response.Status);
    }

    [Fact]
    public async Task A_GET_that_may_wait_answers_when_the_generation_finishes()
    {
        var id = ApiFixture.Json(await api.Start.HandleAsync(ApiFixture.Post("""{"bars":16,"variations":3}"""))).GetProperty("id").GetString()!;

        var response = await api.Status.HandleAsync(ApiFixture.Get($"/api/generations/{id}", "wait=20"), id);

        Assert.Equal(200, response.Status);
        Assert.Equal("completed", ApiFixture.Json(response).GetProperty("status").GetString());
        Assert.False(response.Headers.ContainsKey("Retry-After"));
    }

    [Fact]
    public async Task A_GET_that_may_wait_for_an_unknown_id_is_404_at_once()
    {
        var response = await api.Status.HandleAsync(ApiFixture.Get("/api/generations/nosuchid", "wait=20"), "nosuchid");

        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task When_the_wait_runs_out_the_answers_are_the_usual_unfinished_ones()
    {
        var folder = TemporaryFolder.NewPath();
        try
        {
            var store = new GatedArtifactStore(new LocalFolderArtifactStore(folder, "/api/files", LinkSigner.WithNewKey(), TimeSpan.FromHours(1), TimeProvider.System));
            await using var host = await PipelineHost.StartAsync(store);
            var status = new GenerationStatusHandler(host.Client, store);
            var start = new StartGenerationHandler(host.Client, ShippedModels.Catalog, IdempotencyScope.WithNewSecret(), status: status);
            var post = ApiFixture.Post("""{"bars":8}""");
            post.Headers[WaitPreference.PreferHeader] = "wait=1";

            // Saves wait at the gate, so the generation cannot finish within the second asked for.
            var accepted = await start.HandleAsync(post);
            Assert.Equal(202, accepted.Status);
            var id = ApiFixture.Json(accepted).GetProperty("id").GetString()!;

            var unfinished = await status.HandleAsync(ApiFixture.Get($"/api/generations/{id}", "wait=1"), id);
            Assert.Equal(200, unfinished.Status);
            Assert.False(GenerationStatus.IsFinished(ApiFixture.Json(unfinished).GetProperty("status").GetString()!));
            Assert.Equal("1", unfinished.Headers["Retry-After"]);

            store.Open();
            var finished = await status.HandleAsync(ApiFixture.Get($"/api/generations/{id}", "wait=20"), id);
            Assert.Equal("completed", ApiFixture.Json(finished).GetProperty("status").GetString());
        }
        finally
        {
            TemporaryFolder.Remove(folder);
        }
    }
}

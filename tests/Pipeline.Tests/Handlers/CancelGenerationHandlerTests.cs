namespace SithSynth.Pipeline.Tests.Handlers;

public sealed class CancelGenerationHandlerTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_running_generation_is_canceled_with_202_and_then_shows_as_canceled()
    {
        var id = ApiFixture.Json(await api.Start.HandleAsync(ApiFixture.Post("""{"bars":40,"variations":4,"model":"transformer"}"""))).GetProperty("id").GetString()!;

        var response = await api.Cancel.HandleAsync(ApiFixture.Delete($"/api/generations/{id}"), id);

        Assert.Equal(202, response.Status);
        Assert.Equal($"http://{ApiFixture.Host}/api/generations/{id}", response.Headers["Location"]);
        var status = await api.FinishedAsync(id);
        Assert.Equal("canceled", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_finished_generation_stays_and_canceling_it_is_409()
    {
        var id = ApiFixture.Json(await api.Start.HandleAsync(ApiFixture.Post("""{"bars":8}"""))).GetProperty("id").GetString()!;
        Assert.Equal("completed", (await api.FinishedAsync(id)).GetProperty("status").GetString());

        var response = await api.Cancel.HandleAsync(ApiFixture.Delete($"/api/generations/{id}"), id);

        Assert.Equal(409, response.Status);
        Assert.Equal("completed", (await api.FinishedAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Canceling_an_unknown_generation_is_404()
    {
        var response = await api.Cancel.HandleAsync(ApiFixture.Delete("/api/generations/nope"), "nope");

        Assert.Equal(404, response.Status);
    }
}

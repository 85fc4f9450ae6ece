using SithSynth.Pipeline.Admission;
using SithSynth.Pipeline.Handlers;

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
    public async Task A_caller_who_cancels_may_start_again_at_once_within_the_in_flight_cap()
    {
        // One anonymous caller may hold 320 bar-variations: one 40-bar × 8 generation.
        var admission = new AdmissionControl(new AdmissionSettings { ClientBudget = 0, GlobalBudget = 0, ClientInFlight = 320 }, new InMemoryAdmissionLedger(), TimeProvider.System);
        var start = new StartGenerationHandler(api.Engine.Client, ShippedModels.Catalog, api.Idempotency, admission);
        const string Heavy = """{"bars":40,"variations":8,"model":"transformer"}""";
        var id = ApiFixture.Json(await start.HandleAsync(ApiFixture.Post(Heavy))).GetProperty("id").GetString()!;
        Assert.Equal(429, (await start.HandleAsync(ApiFixture.Post(Heavy))).Status);

        Assert.Equal(202, (await api.Cancel.HandleAsync(ApiFixture.Delete($"/api/generations/{id}"), id)).Status);

        // The answer came once the engine had stopped it, so its hold is free.
        var again = await start.HandleAsync(ApiFixture.Post(Heavy));
        Assert.Equal(202, again.Status);
        var next = ApiFixture.Json(again).GetProperty("id").GetString()!;
        await api.Cancel.HandleAsync(ApiFixture.Delete($"/api/generations/{next}"), next);
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

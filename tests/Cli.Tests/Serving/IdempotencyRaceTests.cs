using System.Net;
using System.Text.Json.Nodes;

namespace SithSynth.Cli.Tests.Serving;

/// <summary>
/// Racing POSTs under one Idempotency-Key, as a client that retries on a timeout while its first try is still in
/// flight: 8 racers on each of 20 keys, half sending one body and half a different body per racer. Each key must end
/// as exactly one generation that completes, and the engine must never see a second schedule of an id.
/// </summary>
public sealed class IdempotencyRaceTests
{
    private const int Keys = 20;
    private const int Racers = 8;

    [Fact]
    public async Task On_the_in_memory_engine_one_key_makes_one_generation_however_many_race()
    {
        await using var serve = await ServeProcess.StartAsync("--artifacts", Sithsynth.NewFolder());
        await RaceAsync(serve);
    }

    [Fact]
    public async Task On_Azure_Storage_one_key_makes_one_generation_however_many_race()
    {
        await using var azurite = await PlainAzurite.StartAsync();

        // The connection string comes from the environment, where ps does not show it.
        await using var serve = await ServeProcess.StartAsync(new Dictionary<string, string> { ["SITHSYNTH_STORAGE"] = azurite.ConnectionString }, "--task-hub", "RaceTest");
        Assert.Contains("Azure Storage task hub 'RaceTest'", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteProcess.AccountKey, serve.VisibleCommandLine, StringComparison.Ordinal);
        await RaceAsync(serve);
    }

    private static async Task RaceAsync(ServeProcess serve)
    {
        var run = Guid.NewGuid().ToString("N");
        var races = Enumerable.Range(0, Keys).Select(async k =>
        {
            var key = $"race-{run}-{k}";
            var sameBody = k % 2 == 0;
            using var start = new SemaphoreSlim(0);
            var racers = Enumerable.Range(0, Racers).Select(async r =>
            {
                var seed = sameBody ? 1000 + k : (1000 * r) + k;
                await start.WaitAsync();
                using var response = await serve.Http.SendAsync(ServeFixture.Post(ServeFixture.Json(new { model = "lstm", bars = 8, seed = seed.ToString(System.Globalization.CultureInfo.InvariantCulture) }), key));
                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                return (Status: (int)response.StatusCode, Seed: seed, Id: response.StatusCode == HttpStatusCode.Accepted ? body["id"]!.GetValue<string>() : null, Type: body["type"]?.GetValue<string>());
            }).ToList();
            start.Release(Racers);
            return (Key: key, SameBody: sameBody, Answers: await Task.WhenAll(racers));
        });

        foreach (var (key, sameBody, answers) in await Task.WhenAll(races))
        {
            var accepted = answers.Where(a => a.Status == 202).ToList();
            if (sameBody)
            {
                Assert.True(answers.All(a => a.Status == 202), $"{key}: {string.Join(", ", answers.Select(a => a.Status))}");
                Assert.Single(accepted.Select(a => a.Id).Distinct());
            }
            else
            {
                Assert.True(accepted.Count == 1, $"{key}: {string.Join(", ", answers.Select(a => a.Status))}");
                Assert.All(answers.Where(a => a.Status != 202), a => Assert.Equal((409, "urn:sithsynth:problem:idempotency-key-reused"), (a.Status, a.Type)));
            }

            // The one generation runs to its end with the winner's request: a doubly scheduled instance never completes.
            var status = await ServeFixture.FinishedAsync(serve.Http, new Uri($"api/generations/{accepted[0].Id}", UriKind.Relative));
            Assert.Equal("completed", status["status"]!.GetValue<string>());
            Assert.Equal(accepted[0].Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), status["seed"]!.GetValue<string>());
        }

        Assert.DoesNotContain("ExecutionStartedEvent", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("corruption", serve.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fail:", serve.Output, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Text.Json.Nodes;

namespace SithSynth.Cli.Tests.Serving;

/// <summary>
/// Two serve processes on one storage account are two instances of a scaled-out app: a caller's budget is spent across
/// both, so switching instances buys nothing.
/// </summary>
public sealed class SharedBudgetTests
{
    [Fact]
    public async Task Two_serves_on_one_azurite_refuse_past_the_shared_budget_with_429_and_retry_after()
    {
        await using var azurite = await PlainAzurite.StartAsync();
        string[] budget = ["--storage", azurite.ConnectionString, "--task-hub", "BudgetTest", "--client-budget", "32", "--global-budget", "0", "--budget-window", "600"];
        await using var one = await ServeProcess.StartAsync([.. budget, "--artifacts", Sithsynth.NewFolder()]);
        await using var other = await ServeProcess.StartAsync([.. budget, "--artifacts", Sithsynth.NewFolder()]);
        Assert.Contains("32 bar-variations per caller", one.Output, StringComparison.Ordinal);
        Assert.Contains("shared in Blob Storage", one.Output, StringComparison.Ordinal);

        using var first = await one.Http.SendAsync(ServeFixture.Post("""{"model":"lstm","bars":16}"""));
        using var second = await other.Http.SendAsync(ServeFixture.Post("""{"model":"lstm","bars":16}"""));
        using var third = await one.Http.SendAsync(ServeFixture.Post("""{"model":"lstm","bars":8}"""));
        using var fourth = await other.Http.SendAsync(ServeFixture.Post("""{"model":"lstm","bars":8}"""));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.StartsWith("\"client\";r=0;t=", Header(second, "RateLimit"), StringComparison.Ordinal);
        foreach (var refused in new[] { third, fourth })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            Assert.Equal("urn:sithsynth:problem:rate-limited", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["type"]!.GetValue<string>());
            Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 600);
            Assert.Equal("\"client\";q=32;w=600", Header(refused, "RateLimit-Policy"));
        }
    }

    [Fact]
    public async Task The_in_flight_cap_holds_across_two_serves_and_a_key_issued_into_the_account_raises_it_on_both()
    {
        await using var azurite = await PlainAzurite.StartAsync();
        var issued = Sithsynth.Run("api-key", "issue", "--label", "shared", "--storage", azurite.ConnectionString);
        Assert.Equal(0, issued.ExitCode);
        var key = issued.Out.Trim();
        string[] limits = ["--storage", azurite.ConnectionString, "--task-hub", "InFlightTest", "--client-in-flight", "320", "--key-in-flight", "640", "--client-budget", "0", "--key-budget", "0", "--global-budget", "0"];
        await using var one = await ServeProcess.StartAsync([.. limits, "--artifacts", Sithsynth.NewFolder()]);
        await using var other = await ServeProcess.StartAsync([.. limits, "--artifacts", Sithsynth.NewFolder()]);

        // 40 bars × 8 variations runs for seconds, so it is still in flight when the next POSTs arrive.
        using var heavy = await one.Http.SendAsync(ServeFixture.Post("""{"model":"lstm","bars":40,"variations":8}"""));
        using var elsewhere = await other.Http.SendAsync(ServeFixture.Post("""{"model":"lstm","bars":8}"""));
        using var keyed = ServeFixture.Post("""{"model":"lstm","bars":40,"variations":8}""");
        keyed.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        using var withKey = await other.Http.SendAsync(keyed);
        using var wrong = ServeFixture.Post("""{"model":"lstm","bars":8}""");
        wrong.Headers.Add("X-Api-Key", key[..^2] + "AA");
        using var wrongKey = await one.Http.SendAsync(wrong);

        Assert.Equal(HttpStatusCode.Accepted, heavy.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, elsewhere.StatusCode);
        Assert.Equal("urn:sithsynth:problem:too-many-in-flight", JsonNode.Parse(await elsewhere.Content.ReadAsStringAsync())!["type"]!.GetValue<string>());
        Assert.NotNull(elsewhere.Headers.RetryAfter);
        Assert.Equal("\"in-flight\";q=320", Header(elsewhere, "RateLimit-Policy"));
        Assert.Equal(HttpStatusCode.Accepted, withKey.StatusCode);
        Assert.Equal("\"in-flight\";q=640", Header(withKey, "RateLimit-Policy"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.StartsWith("Bearer ", wrongKey.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) => string.Join(", ", response.Headers.GetValues(name));
}

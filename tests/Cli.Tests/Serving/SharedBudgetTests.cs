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

    private static string Header(HttpResponseMessage response, string name) => string.Join(", ", response.Headers.GetValues(name));
}

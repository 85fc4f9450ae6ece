using System.Collections.Concurrent;
using System.Text.Json;

namespace SithSynth.Cli.Tests.Serving.Fuzz;

/// <summary>
/// 2,400 generated adversarial requests against serve on loopback, four connections at a time, bounded in count and
/// time: no answer may be a 5xx, every error the application answers under /api must be a problem document whose
/// status is the response's, and serve must still be healthy afterwards.
/// </summary>
public sealed class ServeFuzzTests
{
    private const int Requests = 2400;
    private const int Concurrency = 4;
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Thousands_of_hostile_requests_get_no_5xx_and_every_api_error_is_a_problem_document()
    {
        await using var serve = await ServeProcess.StartAsync("--artifacts", Sithsynth.NewFolder());
        var requests = new AdversarialRequests(seed: 20261201);
        var cases = Enumerable.Range(0, Requests).Select(requests.Next).ToList();
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        using var budget = new CancellationTokenSource(Budget);

        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = budget.Token }, async (fuzz, _) =>
        {
            var answer = await RawExchange.SendAsync(serve.Address.Port, fuzz.Bytes, fuzz.HalfClose);
            statuses.AddOrUpdate(answer.Status ?? 0, 1, (_, n) => n + 1);
            if (Problem(fuzz, answer) is { } problem)
            {
                failures.Add($"{fuzz.Name}: {problem}");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {Requests} failed, e.g.:\n{string.Join("\n", failures.Take(15))}\nstatuses: {Summary(statuses)}");
        Assert.True(statuses.Keys.Count(s => s is >= 400 and < 500) >= 5, $"The requests should provoke many kinds of 4xx: {Summary(statuses)}");
        using var health = await serve.Http.GetAsync("api/health");
        Assert.Equal(200, (int)health.StatusCode);
        Assert.DoesNotContain("server-error", serve.Output, StringComparison.Ordinal);
    }

    private static string? Problem(FuzzCase fuzz, RawExchange answer)
    {
        if (answer.Status is null)
        {
            return fuzz.AppAnswers ? "no answer" : null;
        }

        var status = answer.Status.Value;
        if (status >= 500)
        {
            return $"{status}";
        }

        if (fuzz.LeavesApi && status != 404)
        {
            // Out of /api there is nothing but the web client: never the link key or a file of the machine.
            return $"{status} outside /api";
        }

        if (status < 400 || !fuzz.AppAnswers)
        {
            return null;
        }

        if (!answer.Headers.TryGetValue("Content-Type", out var type) || !type.StartsWith("application/problem+json", StringComparison.Ordinal))
        {
            return $"{status} without a problem document (Content-Type {type ?? "none"})";
        }

        if (fuzz.Name.StartsWith("HEAD ", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            var root = document.RootElement;
            return root.GetProperty("status").GetInt32() == status && root.GetProperty("type").GetString()!.StartsWith("urn:sithsynth:problem:", StringComparison.Ordinal)
                ? null
                : $"{status} with a problem that says otherwise";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"{status} with an unreadable problem ({answer.Body.Length} bytes)";
        }
    }

    private static string Summary(ConcurrentDictionary<int, int> statuses) =>
        string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "none" : s.Key)}×{s.Value}"));
}

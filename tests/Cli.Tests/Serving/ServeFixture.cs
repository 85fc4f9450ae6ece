using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SithSynth.Cli.Tests.Serving;

/// <summary>One serve process (in-memory engine, local files) shared by a test class, with the calls a client makes.</summary>
public sealed class ServeFixture : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private ServeProcess? _serve;

    public string Artifacts { get; } = Sithsynth.NewFolder();

    internal ServeProcess Serve => _serve ?? throw new InvalidOperationException("serve has not started.");

    public HttpClient Http => Serve.Http;

    public async Task InitializeAsync() => _serve = await ServeProcess.StartAsync("--artifacts", Artifacts);

    public async Task DisposeAsync()
    {
        if (_serve is not null)
        {
            await _serve.DisposeAsync();
        }
    }

    public static HttpRequestMessage Post(string json, string? idempotencyKey = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/generations") { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    /// <summary>Polls a status URL until the generation has finished, as a client following Retry-After would (but faster).</summary>
    public static async Task<JsonObject> FinishedAsync(HttpClient http, Uri statusUrl)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            using var response = await http.GetAsync(statusUrl);
            Assert.Equal(200, (int)response.StatusCode);
            var status = (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            if (status["status"]!.GetValue<string>() is "completed" or "failed" or "canceled")
            {
                Assert.Null(response.Headers.RetryAfter);
                return status;
            }

            Assert.NotNull(response.Headers.RetryAfter);
            Assert.True(DateTime.UtcNow < deadline, $"Still {status["status"]} after {Patience}: {status.ToJsonString()}");
            await Task.Delay(250);
        }
    }

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        Assert.StartsWith("urn:sithsynth:problem:", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
        return problem;
    }

    public static string Json(object value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
}

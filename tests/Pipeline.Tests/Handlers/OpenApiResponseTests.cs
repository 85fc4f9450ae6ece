using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SithSynth.Domain.Requests;
using SithSynth.Pipeline.Admission;
using SithSynth.Pipeline.Contract;
using SithSynth.Pipeline.Handlers;
using SithSynth.Pipeline.Idempotency;
using SithSynth.Pipeline.Orchestration;
using SithSynth.Pipeline.Tests.Contract;

namespace SithSynth.Pipeline.Tests.Handlers;

/// <summary>
/// Real answers of every handler, on the real engine, checked against the OpenAPI document: each status is documented
/// for its route, with its content type, headers and body schema, and every documented response is one a handler gives.
/// </summary>
public sealed class OpenApiResponseTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HashSet<string> _seen = [];

    // The answer Check saw last, for the steps that read on from it.
    private ApiResponse? _last;

    [Fact]
    public async Task Every_answer_is_documented_and_every_documented_response_is_answered()
    {
        await StartAsync();
        await StatusAsync();
        await CancelAsync();
        Catalog();

        Assert.Equal(OpenApi.Responses().Order(StringComparer.Ordinal), _seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_idempotency_key_is_accepted_exactly_as_its_schema_allows()
    {
        var schema = OpenApi.Resolve(OpenApi.Operation("/api/generations", "post").GetProperty("parameters")[0]).GetProperty("schema");
        var longest = new string('~', schema.GetProperty("maxLength").GetInt32());
        string[] keys = [longest, "!", longest + "~", "", "has space", "caf\u00e9", "tab\t"];

        foreach (var key in keys)
        {
            // An invalid body: a key that passes goes on to the body's check, and nothing is scheduled either way.
            var response = await api.Start.HandleAsync(ApiFixture.Post("""{"bars":2}""", idempotencyKey: key));

            var documented = OpenApi.Check(JsonSerializer.SerializeToElement(key), schema).Count == 0;
            var type = ApiFixture.Json(response).GetProperty("type").GetString();
            Assert.True(
                type == (documented ? "urn:sithsynth:problem:invalid-request" : "urn:sithsynth:problem:invalid-idempotency-key"),
                $"key '{key}': documented {(documented ? "valid" : "invalid")}, answered {type}");
        }
    }

    private async Task StartAsync()
    {
        const string path = "/api/generations";
        var key = Guid.NewGuid().ToString();
        Assert.Equal(202, await CheckAsync(path, "post", api.Start.HandleAsync(ApiFixture.Post("""{"bars":8}"""))));
        Assert.Equal(202, await CheckAsync(path, "post", api.Start.HandleAsync(ApiFixture.Post("""{"bars":8,"seed":5}""", idempotencyKey: key))));
        Assert.Equal(202, await CheckAsync(path, "post", api.Start.HandleAsync(ApiFixture.Post("""{"seed":"5","bars":8}""", idempotencyKey: key))));
        Assert.Equal(409, await CheckAsync(path, "post", api.Start.HandleAsync(ApiFixture.Post("""{"bars":8,"seed":6}""", idempotencyKey: key))));
        var waiting = ApiFixture.Post("""{"bars":8,"variations":2}""");
        waiting.Headers[WaitPreference.PreferHeader] = "wait=20";
        Assert.Equal(200, await CheckAsync(path, "post", api.Start.HandleAsync(waiting)));
        Assert.Equal(400, await CheckAsync(path, "post", api.Start.HandleAsync(ApiFixture.Post("""{"bars":2,"key":"H","tempo":1000,"temperature":3,"variations":9}"""))));
        Assert.Equal(400, await CheckAsync(path, "post", api.Start.HandleAsync(ApiFixture.Post("""{"bars":"eight","seed":-1,"mood":"sad"}"""))));
        Assert.Equal(400, await CheckAsync(path, "post", api.Start.HandleAsync(ApiFixture.Post("[]"))));
        Assert.Equal(400, await CheckAsync(path, "post", api.Start.HandleAsync(ApiFixture.Post("{\"bars\": 8"))));
        Assert.Equal(400, await CheckAsync(path, "post", api.Start.HandleAsync(ApiFixture.Post("""{"bars":8}""", idempotencyKey: "has space"))));
        var tooLarge = $$"""{"model":"{{new string('x', StartGenerationHandler.MaxBodyBytes)}}"}""";
        Assert.Equal(413, await CheckAsync(path, "post", api.Start.HandleAsync(ApiFixture.Post(tooLarge))));
        Assert.Equal(413, await CheckAsync(path, "post", api.Start.HandleAsync(ApiFixture.Post(tooLarge, announceLength: false))));
        Assert.Equal(415, await CheckAsync(path, "post", api.Start.HandleAsync(ApiFixture.Post("""{"bars":8}""", "text/plain"))));
        Assert.Equal(415, await CheckAsync(path, "post", api.Start.HandleAsync(ApiFixture.Post("""{"bars":8}""", contentType: null))));
        var storageDown = new StartGenerationHandler(api.Engine.Client, ShippedModels.Catalog, new IdempotencyScope(_ => Task.FromException<byte[]>(new Azure.RequestFailedException("down"))));
        Assert.Equal(503, await CheckAsync(path, "post", storageDown.HandleAsync(ApiFixture.Post("""{"bars":8}""", idempotencyKey: key))));
        var perCaller = new AdmissionControl(new AdmissionSettings { ClientBudget = 8, GlobalBudget = 0 }, new InMemoryAdmissionLedger(), TimeProvider.System);
        var limited = new StartGenerationHandler(api.Engine.Client, ShippedModels.Catalog, api.Idempotency, perCaller);
        Assert.Equal(202, await CheckAsync(path, "post", limited.HandleAsync(ApiFixture.Post("""{"bars":8}"""))));
        Assert.Equal(429, await CheckAsync(path, "post", limited.HandleAsync(ApiFixture.Post("""{"bars":8}"""))));
        Assert.Equal(429, await CheckAsync(path, "post", new StartGenerationHandler(api.Engine.Client, ShippedModels.Catalog, api.Idempotency,
            new AdmissionControl(new AdmissionSettings { ClientInFlight = 4 }, new InMemoryAdmissionLedger(), TimeProvider.System)).HandleAsync(ApiFixture.Post("""{"bars":8}"""))));
        using var keys = new TemporaryFolder();
        var keyed = new AdmissionControl(new AdmissionSettings(), new InMemoryAdmissionLedger(), TimeProvider.System, new SithSynth.Pipeline.Access.ApiKeyRing(new SithSynth.Pipeline.Access.FolderApiKeyStore(keys.Path), TimeProvider.System));
        var wrongKey = ApiFixture.Post("""{"bars":8}""");
        wrongKey.Headers.Authorization = "Bearer ssk.0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        Assert.Equal(401, await CheckAsync(path, "post", new StartGenerationHandler(api.Engine.Client, ShippedModels.Catalog, api.Idempotency, keyed).HandleAsync(wrongKey)));
        var everyone = new AdmissionControl(new AdmissionSettings { ClientBudget = 0, GlobalBudget = 4 }, new InMemoryAdmissionLedger(), TimeProvider.System);
        Assert.Equal(503, await CheckAsync(path, "post", new StartGenerationHandler(api.Engine.Client, ShippedModels.Catalog, api.Idempotency, everyone).HandleAsync(ApiFixture.Post("""{"bars":8}"""))));
    }

    private async Task StatusAsync()
    {
        const string path = "/api/generations/{id}";

        // Two variations, so the status shows every per-variation part; an unfinished poll comes first.
        var id = await StartedAsync("""{"bars":8,"variations":2,"seed":"18446744073709551615"}""");
        var first = await CheckAsync(path, "get", api.Status.HandleAsync(ApiFixture.Get($"/api/generations/{id}"), id));
        Assert.Equal(200, first);
        var completed = await FinishedAsync(id);
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal(
            OpenApi.Schema("StageTiming").GetProperty("properties").GetProperty("stage").GetProperty("enum").EnumerateArray().Select(s => s.GetString()).Order(),
            completed.GetProperty("timings").EnumerateArray().Select(t => t.GetProperty("stage").GetString()).Order());

        // Refused by the orchestration rather than the handler: scheduled straight on the engine, as the status tests do.
        var retired = new GenerationRequest { Model = "retired" };
        var failed = await api.Engine.Client.ScheduleNewOrchestrationInstanceAsync(PipelineTasks.Generation, new GenerationInput(retired, RequestFingerprint.Of(retired)));
        Assert.Equal("failed", (await FinishedAsync(failed)).GetProperty("status").GetString());

        var unknown = "0123456789abcdef0123456789abcdef";
        Assert.Equal(404, await CheckAsync(path, "get", api.Status.HandleAsync(ApiFixture.Get($"/api/generations/{unknown}"), unknown)));
        Assert.Equal(404, await CheckAsync(path, "get", api.Status.HandleAsync(ApiFixture.Get("/api/generations/NOT-AN-ID"), "NOT-AN-ID")));
    }

    private async Task CancelAsync()
    {
        const string path = "/api/generations/{id}";
        var running = await StartedAsync("""{"bars":40,"variations":4,"model":"transformer"}""");
        Assert.Equal(200, await CheckAsync(path, "get", api.Status.HandleAsync(ApiFixture.Get($"/api/generations/{running}"), running)));
        Assert.Equal(202, await CheckAsync(path, "delete", api.Cancel.HandleAsync(ApiFixture.Delete($"/api/generations/{running}"), running)));
        Assert.Equal("canceled", (await FinishedAsync(running)).GetProperty("status").GetString());
        Assert.Equal(409, await CheckAsync(path, "delete", api.Cancel.HandleAsync(ApiFixture.Delete($"/api/generations/{running}"), running)));
        Assert.Equal(404, await CheckAsync(path, "delete", api.Cancel.HandleAsync(ApiFixture.Delete("/api/generations/nope"), "nope")));
    }

    private void Catalog()
    {
        Assert.Equal(200, Check("/api/models", "get", new ModelsHandler(ShippedModels.Catalog).Handle()));
        Assert.Equal(200, Check("/api/health", "get", new HealthHandler(ShippedModels.Catalog).Handle()));
        using (var folder = new TemporaryFolder())
        using (var empty = SithSynth.Domain.Models.ModelCatalog.Load(folder.Path))
        {
            Assert.Equal(503, Check("/api/health", "get", new HealthHandler(empty).Handle()));
        }

        Assert.Equal(200, Check("/api/openapi.json", "get", new OpenApiHandler().Handle(ApiFixture.Get("/api/openapi.json"))));
    }

    private async Task<string> StartedAsync(string body)
    {
        Assert.Equal(202, await CheckAsync("/api/generations", "post", api.Start.HandleAsync(ApiFixture.Post(body))));
        return ApiFixture.Json(_last!).GetProperty("id").GetString()!;
    }

    /// <summary>Polls as a client would, checking every answer against the document, until the generation has finished.</summary>
    private async Task<JsonElement> FinishedAsync(string id)
    {
        var deadline = DateTime.UtcNow + PipelineHost.Patience;
        while (true)
        {
            await CheckAsync("/api/generations/{id}", "get", api.Status.HandleAsync(ApiFixture.Get($"/api/generations/{id}"), id));
            var status = ApiFixture.Json(_last!);
            if (GenerationStatus.IsFinished(status.GetProperty("status").GetString()!) || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(100);
        }
    }

    private async Task<int> CheckAsync(string path, string method, Task<ApiResponse> answer) => Check(path, method, await answer);

    /// <summary>Asserts that the document describes this answer of the route exactly, and notes the response as seen.</summary>
    private int Check(string path, string method, ApiResponse response)
    {
        _last = response;
        var status = response.Status.ToString(CultureInfo.InvariantCulture);
        var where = OpenApi.Response(path, method, status);
        Assert.True(OpenApi.Operation(path, method).GetProperty("responses").TryGetProperty(status, out var documented), $"{where} is not documented");
        documented = OpenApi.Resolve(documented);
        _seen.Add(where);

        // The body, under its media type without parameters.
        var mediaType = response.ContentType.Split(';')[0].Trim();
        Assert.True(documented.GetProperty("content").TryGetProperty(mediaType, out var content), $"{where}: {mediaType} is not documented");
        using var body = JsonDocument.Parse(response.BodyBytes());
        var errors = OpenApi.Check(body.RootElement, content.GetProperty("schema"), where);
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        // Headers: each one sent is documented with a value its schema allows; each required one is sent.
        var headers = documented.TryGetProperty("headers", out var declared)
            ? declared.EnumerateObject().ToDictionary(h => h.Name, h => OpenApi.Resolve(h.Value), StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in response.Headers)
        {
            Assert.True(headers.TryGetValue(name, out var header), $"{where}: header {name} is not documented");
            var schema = header.GetProperty("schema");
            var json = schema.GetProperty("type").GetString() == "integer" ? JsonDocument.Parse(value).RootElement : JsonSerializer.SerializeToElement(value);
            Assert.Empty(OpenApi.Check(json, schema, $"{where} {name}"));
        }

        foreach (var (name, header) in headers.Where(h => h.Value.TryGetProperty("required", out var required) && required.GetBoolean()))
        {
            Assert.True(response.Headers.ContainsKey(name), $"{where}: required header {name} was not sent");
        }

        return response.Status;
    }
}

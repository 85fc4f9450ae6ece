using SithSynth.Pipeline.Admission;
using SithSynth.Pipeline.Contract;
using SithSynth.Pipeline.Handlers;
using SithSynth.Pipeline.Idempotency;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Pipeline.Tests.Handlers;

public sealed class StartGenerationHandlerTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_valid_request_is_accepted_with_its_status_url_and_when_to_poll()
    {
        var response = await api.Start.HandleAsync(ApiFixture.Post("""{"bars":8,"seed":"9","variations":2}"""));

        Assert.Equal(202, response.Status);
        var body = ApiFixture.Json(response);
        var id = body.GetProperty("id").GetString()!;
        Assert.True(GenerationId.IsValid(id));
        var statusUrl = $"http://{ApiFixture.Host}/api/generations/{id}";
        Assert.Equal(statusUrl, body.GetProperty("statusUrl").GetString());
        Assert.Equal(statusUrl, response.Headers["Location"]);
        Assert.Equal("1", response.Headers["Retry-After"]);

        var metadata = await api.Engine.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(PipelineTasks.Generation, metadata!.Name);
        Assert.Equal(9UL, metadata.ReadInputAs<GenerationInput>()!.Request.Seed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("not a media type")]
    public async Task A_body_that_is_not_declared_json_is_415(string? contentType)
    {
        var response = await api.Start.HandleAsync(ApiFixture.Post("""{"bars":8}""", contentType));

        Assert.Equal(415, response.Status);
        Assert.Equal("urn:sithsynth:problem:unsupported-media-type", ApiFixture.Json(response).GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/merge-patch+json")]
    public async Task Json_media_types_with_parameters_or_suffixes_are_json(string contentType)
    {
        Assert.Equal(202, (await api.Start.HandleAsync(ApiFixture.Post("""{"bars":8}""", contentType))).Status);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_64_KiB_is_413_whether_or_not_its_length_was_announced(bool announceLength)
    {
        var body = $$"""{"model":"{{new string('x', StartGenerationHandler.MaxBodyBytes)}}"}""";

        var response = await api.Start.HandleAsync(ApiFixture.Post(body, announceLength: announceLength));

        Assert.Equal(413, response.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"bars\": 8")]
    [InlineData("[]")]
    public async Task Malformed_json_is_400_with_a_problem_saying_so(string body)
    {
        var response = await api.Start.HandleAsync(ApiFixture.Post(body));

        Assert.Equal(400, response.Status);
        Assert.Equal("urn:sithsynth:problem:malformed-body", ApiFixture.Json(response).GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_invalid_request_is_400_listing_every_field()
    {
        var response = await api.Start.HandleAsync(ApiFixture.Post("""{"bars":2,"key":"H","tempo":1000,"temperature":3,"variations":9}"""));

        Assert.Equal(400, response.Status);
        var errors = ApiFixture.Json(response).GetProperty("errors");
        Assert.Equal(["temperature", "bars", "key", "tempo", "variations"], errors.EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task A_form_that_does_not_fit_the_bars_is_400_naming_the_form()
    {
        var response = await api.Start.HandleAsync(ApiFixture.Post("""{"bars":24,"form":"AABA"}"""));

        Assert.Equal(400, response.Status);
        var errors = ApiFixture.Json(response).GetProperty("errors");
        var form = Assert.Single(errors.EnumerateObject());
        Assert.Equal("form", form.Name);
        Assert.Equal("Form 'AABA' has 4 phrases, but 24 bars make 3 (8 + 8 + 8 bars): write 3 letters, or 'through'.", form.Value[0].GetString());
    }

    [Theory]
    [InlineData("""{"chords":"C | Csus4 | G7 | C"}""", "Model 'transformer' cannot write 'Csus4' (bar 2); the nearest chord it writes is C.")]
    [InlineData("""{"bars":8,"chords":"C|Am|F|G|C|Am|F|G|C"}""", "The progression has 9 bars, but the sheet has 8: give at most 8 bars, or ask for more bars.")]
    [InlineData("""{"timeSignature":"3/4","chords":"C | F G | C"}""", "Bar 2 has 2 chords (F G), but a bar of 3/4 splits evenly on its beats only into 1 or 3 chords.")]
    public async Task A_progression_the_model_cannot_follow_is_400_naming_the_chords(string body, string message)
    {
        var response = await api.Start.HandleAsync(ApiFixture.Post(body));

        Assert.Equal(400, response.Status);
        var problem = ApiFixture.Json(response);
        Assert.Equal("urn:sithsynth:problem:invalid-request", problem.GetProperty("type").GetString());
        var chords = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal("chords", chords.Name);
        Assert.Equal(message, Assert.Single(chords.Value.EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Wrong_types_are_400_listing_every_field_too()
    {
        var response = await api.Start.HandleAsync(ApiFixture.Post("""{"bars":"eight","seed":-1,"mood":"sad"}"""));

        Assert.Equal(400, response.Status);
        Assert.Equal(["bars", "seed", "mood"], ApiFixture.Json(response).GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_return_the_same_generation()
    {
        var key = Guid.NewGuid().ToString();

        var first = await api.Start.HandleAsync(ApiFixture.Post("""{"bars":8,"seed":5}""", idempotencyKey: key));
        var second = await api.Start.HandleAsync(ApiFixture.Post("""{ "seed": "5", "bars": 8 }""", idempotencyKey: key));

        Assert.Equal((202, 202), (first.Status, second.Status));
        var id = ApiFixture.Json(first).GetProperty("id").GetString();
        Assert.Equal(await api.Idempotency.IdForAsync(ApiFixture.Post("{}", idempotencyKey: key), key), id);
        Assert.Equal(id, ApiFixture.Json(second).GetProperty("id").GetString());
        Assert.Equal(200, (await api.Status.HandleAsync(ApiFixture.Get($"/api/generations/{id}"), id!)).Status);
    }

    [Fact]
    public async Task A_keyed_post_while_the_secrets_storage_is_down_is_503_with_retry_after_and_schedules_nothing()
    {
        var down = new IdempotencyScope(_ => Task.FromException<byte[]>(new Azure.RequestFailedException(503, "The server is busy.")));
        var handler = new StartGenerationHandler(api.Engine.Client, ShippedModels.Catalog, down);
        var before = await InstanceCountAsync();

        var response = await handler.HandleAsync(ApiFixture.Post("""{"bars":8}""", idempotencyKey: "k"));

        Assert.Equal(503, response.Status);
        Assert.Equal(StartGenerationHandler.StorageRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers["Retry-After"]);
        Assert.Equal("urn:sithsynth:problem:storage-unavailable", ApiFixture.Json(response).GetProperty("type").GetString());
        Assert.Equal(before, await InstanceCountAsync());
    }

    [Fact]
    public async Task Past_the_callers_budget_a_post_is_429_and_a_keyed_retry_of_an_existing_generation_is_still_answered()
    {
        var admission = new AdmissionControl(new AdmissionSettings { ClientBudget = 16, GlobalBudget = 0 }, new InMemoryAdmissionLedger(), TimeProvider.System);
        var handler = new StartGenerationHandler(api.Engine.Client, ShippedModels.Catalog, api.Idempotency, admission);
        var key = Guid.NewGuid().ToString();

        var first = await handler.HandleAsync(ApiFixture.Post("""{"bars":16}""", idempotencyKey: key));
        var before = await InstanceCountAsync();
        var fresh = await handler.HandleAsync(ApiFixture.Post("""{"bars":8}"""));
        var retried = await handler.HandleAsync(ApiFixture.Post("""{"bars":16}""", idempotencyKey: key));
        var otherCaller = await handler.HandleAsync(ApiFixture.Post("""{"bars":16}""", caller: "192.0.2.99"));

        Assert.Equal(202, first.Status);
        Assert.Equal("\"client\";r=0;t=", first.Headers["RateLimit"][..15]);
        Assert.Equal(429, fresh.Status);
        Assert.Equal("urn:sithsynth:problem:rate-limited", ApiFixture.Json(fresh).GetProperty("type").GetString());
        Assert.True(int.Parse(fresh.Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 60);
        Assert.Equal(202, retried.Status);
        Assert.Equal(ApiFixture.Json(first).GetProperty("id").GetString(), ApiFixture.Json(retried).GetProperty("id").GetString());
        Assert.Equal(202, otherCaller.Status);
        Assert.Equal(before + 1, await InstanceCountAsync());
    }

    private async Task<int> InstanceCountAsync()
    {
        var count = 0;
        await foreach (var _ in api.Engine.Client.GetAllInstancesAsync())
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task A_different_body_under_a_used_idempotency_key_is_409()
    {
        var key = Guid.NewGuid().ToString();
        await api.Start.HandleAsync(ApiFixture.Post("""{"bars":8,"seed":5}""", idempotencyKey: key));

        var response = await api.Start.HandleAsync(ApiFixture.Post("""{"bars":8,"seed":6}""", idempotencyKey: key));

        Assert.Equal(409, response.Status);
        Assert.Equal("urn:sithsynth:problem:idempotency-key-reused", ApiFixture.Json(response).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Two_callers_using_one_idempotency_key_get_two_generations()
    {
        var key = "1";

        var mine = ApiFixture.Json(await api.Start.HandleAsync(ApiFixture.Post("""{"bars":8,"seed":5}""", idempotencyKey: key, caller: "198.51.100.1")));
        var theirs = ApiFixture.Json(await api.Start.HandleAsync(ApiFixture.Post("""{"bars":8,"seed":6}""", idempotencyKey: key, caller: "198.51.100.2")));

        var (myId, theirId) = (mine.GetProperty("id").GetString()!, theirs.GetProperty("id").GetString()!);
        Assert.NotEqual(myId, theirId);

        // Without the server's secret the key alone does not lead to the id, as it did when ids were the key's hash.
        var unkeyed = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
        Assert.DoesNotContain(unkeyed, new[] { myId[2..], theirId[2..] });
        Assert.NotEqual(myId, GenerationId.FromIdempotencyKey(key, "198.51.100.1", new byte[32]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Racing_posts_under_one_key_schedule_one_generation(bool sameBody)
    {
        var key = Guid.NewGuid().ToString();
        using var go = new SemaphoreSlim(0);
        var racers = Enumerable.Range(0, 8).Select(async i =>
        {
            await go.WaitAsync();
            return await api.Start.HandleAsync(ApiFixture.Post($$"""{"bars":8,"seed":{{(sameBody ? 5 : i)}}}""", idempotencyKey: key));
        }).ToList();
        go.Release(8);
        var answers = await Task.WhenAll(racers);

        var accepted = answers.Where(a => a.Status == 202).ToList();
        Assert.Equal(sameBody ? 8 : 1, accepted.Count);
        Assert.All(answers.Except(accepted), a => Assert.Equal(409, a.Status));
        var id = Assert.Single(accepted.Select(a => ApiFixture.Json(a).GetProperty("id").GetString()).Distinct());
        Assert.Equal("Completed", (await api.Engine.WaitAsync(id!)).RuntimeStatus.ToString());
        Assert.Equal(0, api.Idempotency.Lock.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("caf\u00e9")]
    public async Task An_unusable_idempotency_key_is_400(string key)
    {
        var response = await api.Start.HandleAsync(ApiFixture.Post("""{"bars":8}""", idempotencyKey: key));

        Assert.Equal(400, response.Status);
        Assert.True(ApiFixture.Json(response).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
    }

    [Fact]
    public async Task A_too_long_idempotency_key_is_400()
    {
        var response = await api.Start.HandleAsync(ApiFixture.Post("""{"bars":8}""", idempotencyKey: new string('k', StartGenerationHandler.MaxIdempotencyKeyLength + 1)));

        Assert.Equal(400, response.Status);
    }
}

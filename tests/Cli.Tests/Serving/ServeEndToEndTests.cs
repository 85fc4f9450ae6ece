using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using NAudio.Midi;

namespace SithSynth.Cli.Tests.Serving;

/// <summary>
/// The whole service on this machine: serve started as a process, a client POSTs, polls to completion and downloads
/// every link, and the files parse as what they claim to be.
/// </summary>
public sealed class ServeEndToEndTests(ServeFixture serve) : IClassFixture<ServeFixture>
{
    [Fact]
    public async Task A_generation_completes_and_every_link_downloads_a_file_that_parses()
    {
        using var post = await serve.Http.SendAsync(ServeFixture.Post(ServeFixture.Json(new
        {
            model = "lstm",
            bars = 8,
            timeSignature = "3/4",
            key = "Eb",
            tempo = 90,
            valence = 1,
            density = "high",
            seed = "2024",
            variations = 2,
        })));
        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        var accepted = JsonNode.Parse(await post.Content.ReadAsStringAsync())!;
        Assert.Equal(post.Headers.Location, new Uri(accepted["statusUrl"]!.GetValue<string>()));
        Assert.Equal(serve.Serve.Address.Authority, post.Headers.Location!.Authority);

        var status = await ServeFixture.FinishedAsync(serve.Http, post.Headers.Location);
        Assert.Equal("completed", status["status"]!.GetValue<string>());
        Assert.Equal("2024", status["seed"]!.GetValue<string>());
        Assert.Equal(["validating", "generating", "rendering", "storing"], status["timings"]!.AsArray().Select(t => t!["stage"]!.GetValue<string>()));

        var variations = status["variations"]!.AsArray();
        Assert.Equal(2, variations.Count);
        foreach (var variation in variations)
        {
            var files = variation!["files"]!;
            var midi = await DownloadAsync(files["midi"]!, "audio/midi", ".mid");
            var events = new MidiFile(new MemoryStream(midi), strictChecking: true).Events;
            Assert.Contains(events[0], e => e is TimeSignatureEvent { Numerator: 3 });

            var musicXml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(await DownloadAsync(files["musicXml"]!, "application/vnd.recordare.musicxml+xml", ".musicxml")));
            Assert.Equal("score-partwise", musicXml.Root!.Name.LocalName);
            Assert.Equal(8, musicXml.Root.Elements("part").First().Elements("measure").Count());
            Assert.Equal("-3", musicXml.Descendants("fifths").First().Value);

            var report = JsonNode.Parse(await DownloadAsync(files["report"]!, "application/json", ".json"))!;
            Assert.Equal(variation["seed"]!.GetValue<string>(), report["variationSeed"]!.ToString());
            Assert.Equal(8, report["request"]!["bars"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task A_client_that_prefers_to_wait_gets_the_finished_sheets_in_one_round_trip()
    {
        var request = ServeFixture.Post(ServeFixture.Json(new { bars = 16, seed = "77" }));
        request.Headers.Add("Prefer", "wait=20");

        using var post = await serve.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var status = JsonNode.Parse(await post.Content.ReadAsStringAsync())!;
        Assert.Equal("completed", status["status"]!.GetValue<string>());
        Assert.Equal(post.Headers.Location, post.Content.Headers.ContentLocation);
        var midi = await DownloadAsync(status["variations"]![0]!["files"]!["midi"]!, "audio/midi", ".mid");
        Assert.NotEmpty(new MidiFile(new MemoryStream(midi), strictChecking: true).Events[0]);
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_same_generation_and_a_different_body_under_it_is_a_conflict()
    {
        var key = Guid.NewGuid().ToString();
        var body = ServeFixture.Json(new { model = "lstm", bars = 8, seed = "7" });
        using var first = await serve.Http.SendAsync(ServeFixture.Post(body, key));
        using var again = await serve.Http.SendAsync(ServeFixture.Post(body, key));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);

        using var other = await serve.Http.SendAsync(ServeFixture.Post(ServeFixture.Json(new { model = "lstm", bars = 9, seed = "7" }), key));
        await ServeFixture.ProblemAsync(other, 409);
        await ServeFixture.FinishedAsync(serve.Http, first.Headers.Location!);
    }

    [Fact]
    public async Task Bad_requests_get_problem_documents_that_name_what_is_wrong()
    {
        using var invalid = await serve.Http.SendAsync(ServeFixture.Post(ServeFixture.Json(new { bars = 400, temperature = 9, timeSignature = "5/4" })));
        var errors = (await ServeFixture.ProblemAsync(invalid, 400))["errors"]!.AsObject();
        Assert.Equal(["bars", "temperature", "timeSignature"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));

        using var malformed = await serve.Http.SendAsync(ServeFixture.Post("{\"bars\": 8,"));
        await ServeFixture.ProblemAsync(malformed, 400);

        using var text = await serve.Http.SendAsync(ServeFixture.Post("bars=8", contentType: "text/plain"));
        await ServeFixture.ProblemAsync(text, 415);

        using var huge = await serve.Http.SendAsync(ServeFixture.Post($"{{\"model\": \"{new string('x', 70_000)}\"}}"));
        await ServeFixture.ProblemAsync(huge, 413);

        using var unknown = await serve.Http.GetAsync("api/generations/no-such-generation");
        await ServeFixture.ProblemAsync(unknown, 404);

        using var noRoute = await serve.Http.GetAsync("api/leadsheets");
        await ServeFixture.ProblemAsync(noRoute, 404);

        using var wrongMethod = await serve.Http.PutAsync("api/models", null);
        await ServeFixture.ProblemAsync(wrongMethod, 405);
        Assert.Equal(["GET", "HEAD"], wrongMethod.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_running_generation_can_be_canceled_and_a_finished_one_cannot()
    {
        using var post = await serve.Http.SendAsync(ServeFixture.Post(ServeFixture.Json(new { model = "transformer", bars = 40, variations = 8 })));
        using var cancel = await serve.Http.DeleteAsync(post.Headers.Location);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var status = await ServeFixture.FinishedAsync(serve.Http, post.Headers.Location!);
        Assert.Equal("canceled", status["status"]!.GetValue<string>());

        using var again = await serve.Http.DeleteAsync(post.Headers.Location);
        await ServeFixture.ProblemAsync(again, 409);
    }

    [Fact]
    public async Task File_links_open_only_their_own_file_and_only_as_issued()
    {
        using var post = await serve.Http.SendAsync(ServeFixture.Post(ServeFixture.Json(new { model = "lstm", bars = 8, seed = "11" })));
        var status = await ServeFixture.FinishedAsync(serve.Http, post.Headers.Location!);
        var files = status["variations"]![0]!["files"]!;
        var midi = new Uri(files["midi"]!["url"]!.GetValue<string>());
        var musicXml = new Uri(files["musicXml"]!["url"]!.GetValue<string>());

        using var tampered = await serve.Http.GetAsync(new Uri(midi.GetLeftPart(UriPartial.Path) + musicXml.Query));
        await ServeFixture.ProblemAsync(tampered, 403);
        using var unsigned = await serve.Http.GetAsync(midi.GetLeftPart(UriPartial.Path));
        await ServeFixture.ProblemAsync(unsigned, 403);
        using var outside = await serve.Http.GetAsync($"api/files/..%2F.link-key{midi.Query}");
        await ServeFixture.ProblemAsync(outside, 404);
        using var write = await serve.Http.PutAsync(midi, new ByteArrayContent([1, 2, 3]));
        await ServeFixture.ProblemAsync(write, 405);
    }

    [Fact]
    public async Task The_models_health_and_openapi_routes_describe_the_service()
    {
        var models = JsonNode.Parse(await serve.Http.GetStringAsync("api/models"))!;
        Assert.Contains(models["models"]!.AsArray(), m => m!["name"]!.GetValue<string>() == "transformer");
        var health = JsonNode.Parse(await serve.Http.GetStringAsync("api/health"))!;
        Assert.Equal("ok", health["status"]!.GetValue<string>());
        var openApi = JsonNode.Parse(await serve.Http.GetStringAsync("api/openapi.json"))!;
        Assert.StartsWith("3.", openApi["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(serve.Serve.Address.AbsoluteUri.TrimEnd('/'), openApi["servers"]![0]!["url"]!.GetValue<string>().TrimEnd('/'));
    }

    private async Task<byte[]> DownloadAsync(JsonNode link, string contentType, string extension)
    {
        using var response = await serve.Http.GetAsync(new Uri(link["url"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(link["fileName"]!.GetValue<string>(), response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.EndsWith(extension, link["fileName"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(DateTimeOffset.Parse(link["expiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddMinutes(50));
        return await response.Content.ReadAsByteArrayAsync();
    }
}

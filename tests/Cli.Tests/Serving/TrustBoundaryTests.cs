using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace SithSynth.Cli.Tests.Serving;

/// <summary>
/// What a stranger's request cannot choose: the host that links, Location and the OpenAPI servers point at (only
/// --public-url or a trusted proxy's forwarded headers may), and the engine's channel (only serve's own worker).
/// </summary>
public sealed class TrustBoundaryTests(ServeFixture serve) : IClassFixture<ServeFixture>
{
    private const string Body = """{"model":"lstm","bars":8}""";

    [Fact]
    public async Task A_foreign_host_header_gets_links_and_servers_on_serves_own_address()
    {
        using var post = ServeFixture.Post(Body);
        post.Headers.Host = "evil.example";
        post.Headers.Add("X-Forwarded-Host", "evil.example");
        post.Headers.Add("X-Forwarded-Proto", "https");
        using var accepted = await serve.Http.SendAsync(post);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(serve.Serve.Address.Authority, accepted.Headers.Location!.Authority);
        Assert.Equal("http", accepted.Headers.Location.Scheme);
        Assert.Equal(serve.Serve.Address.AbsoluteUri.TrimEnd('/'), await ServerAsync(serve.Http, "evil.example"));
    }

    [Fact]
    public async Task With_a_public_url_every_link_and_the_servers_are_on_it()
    {
        await using var behind = await ServeProcess.StartAsync("--artifacts", Sithsynth.NewFolder(), "--public-url", "https://music.example.org/sith/");

        using var post = ServeFixture.Post(Body);
        post.Headers.Host = "evil.example";
        using var accepted = await behind.Http.SendAsync(post);

        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, $"{(int)accepted.StatusCode} {await accepted.Content.ReadAsStringAsync()}; serve said: {behind.Output}");
        Assert.Matches("^https://music\\.example\\.org/sith/api/generations/[0-9a-f]{32}$", accepted.Headers.Location!.AbsoluteUri);
        Assert.Equal("https://music.example.org/sith", await ServerAsync(behind.Http, "evil.example"));
    }

    [Fact]
    public async Task Forwarded_headers_count_from_a_trusted_proxy_and_from_nobody_else()
    {
        await using var trusting = await ServeProcess.StartAsync("--artifacts", Sithsynth.NewFolder(), "--trusted-proxy", "127.0.0.1");
        await using var distrusting = await ServeProcess.StartAsync("--artifacts", Sithsynth.NewFolder(), "--trusted-proxy", "192.0.2.10");

        Assert.Matches("^https://music\\.example\\.org/api/generations/k-[0-9a-f]{32}$", (await ForwardedLocationAsync(trusting.Http, "198.51.100.1", "k1")).AbsoluteUri);
        Assert.Equal(distrusting.Address.Authority, (await ForwardedLocationAsync(distrusting.Http, "198.51.100.1", "k1")).Authority);

        // Behind the trusted proxy the client's forwarded address scopes its keys: one key, two clients, two generations.
        var mine = await ForwardedLocationAsync(trusting.Http, "198.51.100.1", "shared-key");
        var theirs = await ForwardedLocationAsync(trusting.Http, "198.51.100.2", "shared-key");
        Assert.NotEqual(mine, theirs);
        Assert.Equal(mine, await ForwardedLocationAsync(trusting.Http, "198.51.100.1", "shared-key"));
    }

    [Fact]
    public async Task The_engine_sidecar_refuses_a_caller_that_is_not_serves_worker()
    {
        var sidecar = new Uri($"http://127.0.0.1:{serve.Serve.SidecarPort}/");
        using var http = new HttpClient { BaseAddress = sidecar };
        foreach (var token in new[] { null, "0000" })
        {
            // TerminateInstance with an empty message: enough to cancel a generation, were the call let through.
            using var call = new HttpRequestMessage(HttpMethod.Post, "TaskHubSidecarService/TerminateInstance")
            {
                Content = new ByteArrayContent(new byte[5]),
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };
            call.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
            call.Headers.TE.ParseAdd("trailers");
            if (token is not null)
            {
                call.Headers.Add("x-sithsynth-engine-token", token);
            }

            using var refused = await http.SendAsync(call);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        // And serve's own worker still gets through: a generation runs to its end.
        using var accepted = await serve.Http.SendAsync(ServeFixture.Post(Body));
        Assert.Equal("completed", (await ServeFixture.FinishedAsync(serve.Http, accepted.Headers.Location!))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Head_answers_every_read_route_without_a_body()
    {
        foreach (var path in new[] { "api/health", "api/models", "api/openapi.json" })
        {
            using var head = await serve.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task A_preflight_from_a_configured_origin_is_allowed_and_from_another_it_is_not()
    {
        await using var cors = await ServeProcess.StartAsync("--artifacts", Sithsynth.NewFolder(), "--cors-origins", "https://app.example.org");

        using var allowed = await cors.Http.SendAsync(Preflight("https://app.example.org"));
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("https://app.example.org", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        var allowedHeaders = string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers"));
        Assert.Contains("Idempotency-Key", allowedHeaders, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Prefer", allowedHeaders, StringComparison.OrdinalIgnoreCase);

        using var other = await cors.Http.SendAsync(Preflight("https://evil.example"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));

        // Without the setting there is no CORS: a preflight is a 405 problem naming the methods the route takes.
        using var none = await serve.Http.SendAsync(Preflight("https://app.example.org"));
        await ServeFixture.ProblemAsync(none, 405);
        Assert.Equal("POST", Assert.Single(none.Content.Headers.Allow));
        Assert.False(none.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "api/generations");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,idempotency-key,prefer");
        return preflight;
    }

    private static async Task<Uri> ForwardedLocationAsync(HttpClient http, string client, string key)
    {
        using var post = ServeFixture.Post(Body, key);
        post.Headers.Add("X-Forwarded-For", client);
        post.Headers.Add("X-Forwarded-Host", "music.example.org");
        post.Headers.Add("X-Forwarded-Proto", "https");
        using var accepted = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        return accepted.Headers.Location!;
    }

    private static async Task<string> ServerAsync(HttpClient http, string host)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, "api/openapi.json");
        get.Headers.Host = host;
        using var response = await http.SendAsync(get);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["servers"]![0]!["url"]!.GetValue<string>();
    }
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SithSynth.Cli.Serving;

namespace SithSynth.Cli.Tests.Serving;

/// <summary>Before the engine has answered once, the API says "starting" (503, Retry-After) and nothing reaches a handler.</summary>
public sealed class EngineReadinessTests
{
    [Theory]
    [InlineData("/api/generations")]
    [InlineData("/api/health")]
    public async Task An_api_request_before_the_engine_answers_gets_a_503_starting_problem(string path)
    {
        var (context, reached) = await SendAsync(new EngineReadiness(), path);

        Assert.False(reached);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("1", context.Response.Headers.RetryAfter.ToString());
        Assert.StartsWith("application/problem+json", context.Response.ContentType, StringComparison.Ordinal);
        context.Response.Body.Position = 0;
        var problem = JsonNode.Parse(context.Response.Body)!;
        Assert.Equal("urn:sithsynth:problem:starting", problem["type"]!.GetValue<string>());
        Assert.Equal(path, problem["instance"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_web_client_is_served_while_the_engine_starts()
    {
        var (context, reached) = await SendAsync(new EngineReadiness(), "/index.html");

        Assert.True(reached);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    private static async Task<(HttpContext Context, bool Reached)> SendAsync(EngineReadiness readiness, string path)
    {
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var app = new ApplicationBuilder(services);
        readiness.Guard(app, sidecarPort: 1);
        var reached = false;
        app.Run(_ =>
        {
            reached = true;
            return Task.CompletedTask;
        });

        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        await app.Build()(context);
        return (context, reached);
    }
}

using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using SithSynth.Cli.Tests.Serving.Fuzz;

namespace SithSynth.Cli.Tests.Serving;

/// <summary>
/// Errors in the HTTP exchange itself, byte for byte as a client sees them (docs/deploy.md lists them). Where the
/// application gets the request (a body too large, too slow or badly framed; the files route without a name) the answer
/// is a problem document with its own 4xx. Where Kestrel refuses the request before any middleware runs (a malformed or
/// oversized header section, a path with a NUL, headers too slow), no code of serve can answer: the client gets the
/// status line, Content-Length: 0 and Connection: close, and nothing else.
/// </summary>
public sealed class ProtocolErrorTests(ServeFixture serve) : IClassFixture<ServeFixture>
{
    public static TheoryData<string, string, int> RefusedByKestrel => new()
    {
        { "oversized headers", $"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: {new string('h', 40_000)}\r\nConnection: close\r\n\r\n", 431 },
        { "malformed header line", "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header: x\r\nConnection: close\r\n\r\n", 400 },
        { "negative Content-Length", "POST /api/generations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\nConnection: close\r\n\r\n", 400 },
        { "two Content-Lengths", "POST /api/generations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nContent-Length: 3\r\nConnection: close\r\n\r\n{}", 400 },
        { "NUL in the path", "GET /api/%00 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 400 },
        { "no Host", "GET /api/health HTTP/1.1\r\nConnection: close\r\n\r\n", 400 },
    };

    public static TheoryData<string, string, int, string> AnsweredByServe => new()
    {
        { "files without a name", "GET /api/files HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 404, "file-not-found" },
        { "files with an empty name", "GET /api/files/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 404, "file-not-found" },
        {
            "declared body over the limit",
            "POST /api/generations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 99999999\r\nConnection: close\r\n\r\n{}",
            413, "body-too-large"
        },
        {
            "bad chunk size",
            "POST /api/generations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n",
            400, "bad-request"
        },
    };

    [Theory]
    [MemberData(nameof(RefusedByKestrel))]
    public async Task A_request_Kestrel_refuses_gets_a_bare_status_and_a_closed_connection(string why, string request, int status)
    {
        var answer = await RawExchange.SendAsync(serve.Serve.Address.Port, Encoding.Latin1.GetBytes(request), halfClose: false);

        Assert.True(status == answer.Status, $"{why}: {answer.Status}");
        Assert.Equal("0", answer.Headers["Content-Length"]);
        Assert.Equal("close", answer.Headers["Connection"]);
        Assert.False(answer.Headers.ContainsKey("Content-Type"), why);
        Assert.Empty(answer.Body);
    }

    [Theory]
    [MemberData(nameof(AnsweredByServe))]
    public async Task A_protocol_error_the_application_sees_is_a_problem_with_its_own_status(string why, string request, int status, string type)
    {
        var answer = await RawExchange.SendAsync(serve.Serve.Address.Port, Encoding.Latin1.GetBytes(request), halfClose: false);

        Assert.True(status == answer.Status, $"{why}: {answer.Status}");
        Assert.StartsWith("application/problem+json", answer.Headers["Content-Type"], StringComparison.Ordinal);
        var problem = JsonNode.Parse(answer.Body)!;
        Assert.Equal($"urn:sithsynth:problem:{type}", problem["type"]!.GetValue<string>());
        Assert.Equal(status, problem["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_body_that_stops_arriving_gets_a_408_problem_and_headers_that_stop_get_a_bare_408()
    {
        // The body: Kestrel's minimum data rate (240 bytes/s after a 5 s grace) fails the read inside the handler.
        var slowBody = await ExchangeAsync("POST /api/generations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{\"bars\"", TimeSpan.FromSeconds(30));
        Assert.StartsWith("HTTP/1.1 408 ", slowBody, StringComparison.Ordinal);
        Assert.Contains("urn:sithsynth:problem:request-timeout", slowBody, StringComparison.Ordinal);

        // The headers: Kestrel's 30 s request-headers timeout, before any middleware.
        var slowHeaders = await ExchangeAsync("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n", TimeSpan.FromSeconds(60));
        Assert.StartsWith("HTTP/1.1 408 Request Timeout\r\n", slowHeaders, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Length: 0\r\n", slowHeaders, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n", slowHeaders, StringComparison.Ordinal);
    }

    /// <summary>Sends the start of a request, then nothing, and reads until serve closes the connection.</summary>
    private async Task<string> ExchangeAsync(string start, TimeSpan patience)
    {
        using var client = new TcpClient();
        using var deadline = new CancellationTokenSource(patience);
        await client.ConnectAsync("127.0.0.1", serve.Serve.Address.Port, deadline.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(start), deadline.Token);
        var received = new MemoryStream();
        await stream.CopyToAsync(received, deadline.Token);
        return Encoding.Latin1.GetString(received.ToArray());
    }
}

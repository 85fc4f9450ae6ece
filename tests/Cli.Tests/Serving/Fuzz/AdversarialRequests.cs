using System.Globalization;
using System.Text;

namespace SithSynth.Cli.Tests.Serving.Fuzz;

/// <summary>
/// A deterministic stream of hostile HTTP/1.1 requests across every route: hostile JSON (bad UTF-8, unpaired surrogates,
/// overlong numbers, deep nesting, floods of unknown fields), wrong methods and media types, odd ids and paths, bad
/// headers, broken chunking and short bodies. Each says whether the application (not only Kestrel) gets to answer it;
/// those answers must be problem documents when they are errors.
/// </summary>
internal sealed class AdversarialRequests(int seed)
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "FOO"];
    private static readonly string[] Fields = ["model", "temperature", "topP", "timeSignature", "bars", "valence", "density", "key", "tempo", "seed", "variations"];

    private static readonly string[] Values =
    [
        "1e400", "-1e400", "123456789012345678901234567890", "0.0000000000000000000000000001", "-0", "1E+99999", "18446744073709551616",
        "\"\\ud800\"", "\"\\udc00x\"", "\"\\ud83d\\ud83d\"", "\"C#\"", "\"H\"", "\"99999999999/4\"", "\"4/0\"", "\"0/0\"", "\"-1/-1\"", "\"lstm\\u0000\"",
        "[[[[[[[[[[1]]]]]]]]]]", "{}", "[]", "true", "null", "\"\"", "[\"low\",\"\\ud800\"]", "[1e308,1e308]", "\"" + new string('9', 5000) + "\"",
        "8", "3", "\"transformer\"", "\"3/4\"", "\"F#m\"", "\"Bbm\"", "\"7\"", "-5", "2147483648", "[1,2,3]",
    ];

    private readonly Random _random = new(seed);

    public FuzzCase Next(int index)
    {
        var kind = index % 10;
        return kind switch
        {
            <= 3 => PostGeneration(),
            4 => ReadGeneration(),
            5 => ReadFile(),
            6 => AnyRoute(),
            7 => BadHeaders(),
            8 => BrokenFraming(),
            _ => HostileJsonBytes(),
        };
    }

    private FuzzCase PostGeneration()
    {
        var json = new StringBuilder("{");
        var fields = _random.Next(0, 8);
        for (var i = 0; i < fields; i++)
        {
            var name = _random.Next(6) == 0 ? Pick(["mood", "\\ud800", "b\\u0061rs", "", new string('f', 300), "__proto__"]) : Pick(Fields);
            json.Append(CultureInfo.InvariantCulture, $"\"{name}\":{Pick(Values)},");
        }

        if (_random.Next(8) == 0)
        {
            // A flood of unknown fields up to the body limit.
            for (var i = 0; json.Length < 60_000; i++)
            {
                json.Append(CultureInfo.InvariantCulture, $"\"u{i}\":{i},");
            }
        }

        json.Append("\"bars\":8}");
        var text = json.ToString();
        if (_random.Next(6) == 0)
        {
            text = text[.._random.Next(text.Length)];
        }

        var contentType = _random.Next(8) switch
        {
            0 => null,
            1 => "text/plain",
            2 => "application/json; charset=latin1",
            3 => "application/problem+json",
            4 => "multipart/form-data; boundary=x",
            _ => "application/json",
        };
        var headers = new List<string>();
        if (contentType is not null)
        {
            headers.Add($"Content-Type: {contentType}");
        }

        switch (_random.Next(6))
        {
            case 0:
                headers.Add($"Idempotency-Key: fuzz-{_random.Next(20)}");
                break;
            case 1:
                headers.Add($"Idempotency-Key: {new string('k', 201)}");
                break;
            case 2:
                headers.Add("Idempotency-Key: a b");
                headers.Add("Idempotency-Key: second");
                break;
        }

        return Request("POST", "/api/generations", headers, Encoding.UTF8.GetBytes(text), appAnswers: true);
    }

    private FuzzCase ReadGeneration()
    {
        var id = Pick([Guid.NewGuid().ToString("N"), "k-" + new string('0', 32), "..", "%2e%2e", "%2Fetc%2Fpasswd", "%00", new string('a', 2000), "%C3%A9", "%ZZ", "ABC", "-", "a%20b"]);
        return Request(Pick(["GET", "HEAD", "DELETE", "PUT", "POST"]), $"/api/generations/{id}", [], [], appAnswers: !RejectedByKestrel(id));
    }

    private FuzzCase ReadFile()
    {
        var name = Pick(["", "x", "../../etc/passwd", "%2e%2e/%2e%2e/.link-key", ".link-key", "abc/1/leadsheet.mid", "k-0/1/leadsheet.mid?exp=1&sig=x", "a/b/c/d/e/f", "%00", new string('n', 3000)]);
        var leaves = name.Contains("..", StringComparison.Ordinal) || name.Contains("%2e%2e", StringComparison.Ordinal);
        return Request(Pick(["GET", "HEAD", "POST", "DELETE"]), $"/api/files/{name}", [], [], appAnswers: !RejectedByKestrel(name) && !leaves) with { LeavesApi = leaves };
    }

    private FuzzCase AnyRoute()
    {
        var path = Pick(["/api", "/api/", "/api/generations", "/api/generations/", "/api/models", "/api/health", "/api/openapi.json", "/api/nothing", "/api/generations/x/y", "/api//health", "/api/models?x=%ZZ", "/api/health?" + new string('q', 4000)]);
        var headers = new List<string>();
        if (_random.Next(3) == 0)
        {
            headers.Add("Origin: https://evil.example");
            headers.Add("Access-Control-Request-Method: DELETE");
        }

        return Request(Pick(Methods), path, headers, [], appAnswers: true);
    }

    private FuzzCase BadHeaders()
    {
        var (header, appAnswers) = _random.Next(7) switch
        {
            0 => ("Content-Length: -1", false),
            1 => ("Content-Length: 99999999999999999999", false),
            2 => ($"X-Big: {new string('h', 40_000)}", false),
            3 => ("Host: evil.example", true),
            4 => ("Bad Header Name: x", false),
            5 => ("Content-Length: 2\r\nContent-Length: 3", false),
            _ => ($"X-Forwarded-Host: evil.example\r\nX-Forwarded-For: {_random.Next(256)}.0.0.1", true),
        };
        return Request(Pick(["GET", "POST"]), Pick(["/api/generations", "/api/health", "/api/openapi.json"]), [header], [], appAnswers);
    }

    private FuzzCase BrokenFraming()
    {
        var prefix = Encoding.ASCII.GetBytes("POST /api/generations HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n");
        return _random.Next(4) switch
        {
            // A body shorter than announced, then the client stops sending: no answer is possible, none must be a 5xx.
            0 => new FuzzCase("short body", [.. prefix, .. "Content-Length: 100\r\n\r\n{\"bars\":"u8], HalfClose: true, AppAnswers: false),
            1 => new FuzzCase("bad chunk size", [.. prefix, .. "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n"u8], HalfClose: false, AppAnswers: true),
            2 => new FuzzCase("chunk longer than sent", [.. prefix, .. "Transfer-Encoding: chunked\r\n\r\nFFFF\r\n{}"u8], HalfClose: true, AppAnswers: false),
            _ => new FuzzCase("body over the limit, chunked", [.. prefix, .. "Transfer-Encoding: chunked\r\n\r\n"u8, .. Chunk(new byte[70_000]), .. "0\r\n\r\n"u8], HalfClose: false, AppAnswers: true),
        };
    }

    private FuzzCase HostileJsonBytes()
    {
        var body = Encoding.UTF8.GetBytes("{\"model\":\"lstm\",\"key\":\"C\",\"bars\":8}");
        var flips = _random.Next(1, 4);
        for (var i = 0; i < flips; i++)
        {
            body[_random.Next(body.Length)] = Pick<byte>([0xff, 0xfe, 0xc3, 0xed, 0xa0, 0x80, 0x00, (byte)'"', (byte)'\\']);
        }

        if (_random.Next(4) == 0)
        {
            body = [0xef, 0xbb, 0xbf, .. body];
        }

        return Request("POST", "/api/generations", ["Content-Type: application/json"], body, appAnswers: true);
    }

    /// <summary>Kestrel refuses a path that decodes to a NUL with its own bare 400, before any application code runs.</summary>
    private static bool RejectedByKestrel(string segment) => segment.Contains("%00", StringComparison.Ordinal);

    private static byte[] Chunk(byte[] data) => [.. Encoding.ASCII.GetBytes($"{data.Length:X}\r\n"), .. data, .. "\r\n"u8];

    private static FuzzCase Request(string method, string path, IEnumerable<string> headers, byte[] body, bool appAnswers)
    {
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{method} {path} HTTP/1.1\r\n");
        var lines = headers.ToList();
        if (!lines.Any(h => h.StartsWith("Host:", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append("Host: 127.0.0.1\r\n");
        }

        foreach (var line in lines)
        {
            head.Append(line).Append("\r\n");
        }

        if (!lines.Any(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) && (body.Length > 0 || method is "POST" or "PUT" or "PATCH"))
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        }

        head.Append("Connection: close\r\n\r\n");
        return new FuzzCase($"{method} {(path.Length > 60 ? path[..60] + "…" : path)}", [.. Encoding.Latin1.GetBytes(head.ToString()), .. body], HalfClose: false, appAnswers);
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}

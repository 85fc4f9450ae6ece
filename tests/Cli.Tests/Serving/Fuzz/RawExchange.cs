using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace SithSynth.Cli.Tests.Serving.Fuzz;

/// <summary>
/// One request written byte for byte on its own loopback connection, and what came back: the status, headers and the
/// body (de-chunked), or nothing when the server closed the connection without an answer.
/// </summary>
internal sealed record RawExchange(int? Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static async Task<RawExchange> SendAsync(int port, byte[] request, bool halfClose)
    {
        using var client = new TcpClient();
        using var deadline = new CancellationTokenSource(Timeout);
        await client.ConnectAsync("127.0.0.1", port, deadline.Token);
        var stream = client.GetStream();
        var received = new MemoryStream();
        try
        {
            await stream.WriteAsync(request, deadline.Token);
            if (halfClose)
            {
                client.Client.Shutdown(SocketShutdown.Send);
            }

            await stream.CopyToAsync(received, deadline.Token);
        }
        catch (IOException)
        {
            // Reset by the server: whatever arrived before counts.
        }

        return Parse(received.ToArray());
    }

    private static RawExchange Parse(byte[] bytes)
    {
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return new RawExchange(null, new Dictionary<string, string>(), []);
        }

        var lines = Encoding.Latin1.GetString(bytes, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var body = bytes[(end + 4)..];
        return new RawExchange(status, headers, headers.TryGetValue("Transfer-Encoding", out var coding) && coding.Contains("chunked", StringComparison.OrdinalIgnoreCase) ? Dechunk(body) : body);
    }

    private static byte[] Dechunk(byte[] body)
    {
        var output = new MemoryStream();
        var position = 0;
        while (position < body.Length)
        {
            var lineEnd = body.AsSpan(position).IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                break;
            }

            var size = int.Parse(Encoding.ASCII.GetString(body, position, lineEnd).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            position += lineEnd + 2;
            if (size == 0 || position + size > body.Length)
            {
                break;
            }

            output.Write(body, position, size);
            position += size + 2;
        }

        return output.ToArray();
    }
}

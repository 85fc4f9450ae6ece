using System.Security.Cryptography;
using System.Text;

namespace SithSynth.Cli.Serving;

/// <summary>
/// The per-process secret serve's own worker and client send to the engine's gRPC sidecar. The sidecar listens on a
/// loopback port any local user could reach, and its API can terminate or purge any generation; without this token a
/// call is refused before it reaches the engine.
/// </summary>
internal sealed class EngineToken
{
    public const string Header = "x-sithsynth-engine-token";

    private readonly string _value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public bool Admits(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(_value));

    /// <summary>An HTTP handler for the gRPC channel that sends the token with every call.</summary>
    public HttpMessageHandler Handler() => new Sender(_value);

    private sealed class Sender : DelegatingHandler
    {
        private readonly string _value;

        public Sender(string value)
        {
            _value = value;
            InnerHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation(Header, _value);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

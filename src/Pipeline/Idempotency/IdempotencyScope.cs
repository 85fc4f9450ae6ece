using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using SithSynth.Pipeline.Contract;

namespace SithSynth.Pipeline.Idempotency;

/// <summary>
/// What turns an Idempotency-Key into a generation id, once per host process: the server's secret, the caller the key
/// belongs to, and the per-id lock that makes "is it there? else schedule it" one step, so racing POSTs with one key
/// schedule one orchestration. The caller is the client's address as the host determined it (serve honours forwarded
/// headers only from its trusted proxies; the Functions app takes the platform front end's entry).
/// </summary>
public sealed class IdempotencyScope
{
    public const int MinSecretBytes = 16;

    private readonly byte[] _secret;

    public IdempotencyScope(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < MinSecretBytes)
        {
            throw new ArgumentException($"The idempotency secret needs at least {MinSecretBytes} bytes.", nameof(secret));
        }

        _secret = secret.ToArray();
    }

    /// <summary>Serializes scheduling per generation id inside this process.</summary>
    public KeyedLock Lock { get; } = new();

    /// <summary>A scope with a fresh random secret: ids are stable for this process only.</summary>
    public static IdempotencyScope WithNewSecret() => new(RandomNumberGenerator.GetBytes(32));

    public static string Caller(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var address = request.HttpContext.Connection.RemoteIpAddress;
        return (address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address)?.ToString() ?? "unknown";
    }

    public string IdFor(HttpRequest request, string key) => GenerationId.FromIdempotencyKey(key, Caller(request), _secret);
}

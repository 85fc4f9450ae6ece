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

    private readonly Func<CancellationToken, Task<byte[]>> _load;
    private Task<byte[]>? _secret;

    public IdempotencyScope(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < MinSecretBytes)
        {
            throw new ArgumentException($"The idempotency secret needs at least {MinSecretBytes} bytes.", nameof(secret));
        }

        var copy = secret.ToArray();
        _secret = Task.FromResult(copy);
        _load = _ => Task.FromResult(copy);
    }

    /// <summary>
    /// A secret loaded on first use (a <see cref="SharedSecretBlob"/>): kept once loaded, asked for again after a
    /// failure, so a storage outage at start-up costs the requests made during it and nothing after.
    /// </summary>
    public IdempotencyScope(Func<CancellationToken, Task<byte[]>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        _load = load;
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

    public async Task<string> IdForAsync(HttpRequest request, string key, CancellationToken cancellationToken = default)
    {
        var secret = await SecretAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return GenerationId.FromIdempotencyKey(key, Caller(request), secret);
    }

    private Task<byte[]> SecretAsync()
    {
        var current = Volatile.Read(ref _secret);
        if (current is { IsFaulted: false, IsCanceled: false })
        {
            return current;
        }

        // One load for all callers; not tied to one request's cancellation, since its result serves every later one.
        var loading = _load(CancellationToken.None);
        var won = Interlocked.CompareExchange(ref _secret, loading, current);
        return ReferenceEquals(won, current) ? loading : won!;
    }
}

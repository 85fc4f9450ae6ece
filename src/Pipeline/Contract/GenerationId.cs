using System.Security.Cryptography;
using System.Text;

namespace SithSynth.Pipeline.Contract;

/// <summary>
/// A generation's id, which is also its orchestration instance id and the first segment of its artifact names.
/// Only lower-case letters, digits and '-' are allowed, so an id can never steer a blob name or a file path elsewhere.
/// </summary>
public static class GenerationId
{
    public const int MaxLength = 64;

    /// <summary>A fresh id for a POST without an Idempotency-Key (32 hex digits).</summary>
    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// The id a POST with this Idempotency-Key from this caller always gets: "k-" and the first 128 bits of
    /// HMAC-SHA256(secret, caller, key) in hex. The caller scopes the key (two clients that both pick "1" get two
    /// generations), the server secret makes the id unguessable from the key, and the key itself (which may be anything
    /// a client likes) never reaches a blob name. The prefix keeps keyed ids apart from the 32-digit fresh ones.
    /// </summary>
    public static string FromIdempotencyKey(string key, string caller, ReadOnlySpan<byte> secret)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(caller);

        // Lengths first, so (caller "a", key "bc") and (caller "ab", key "c") never meet.
        var message = Encoding.UTF8.GetBytes($"{caller.Length}:{caller}\n{key}");
        return "k-" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, message).AsSpan(0, 16));
    }

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'z' || c == '-');
}

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
    /// The id a POST with this Idempotency-Key always gets: "k-" and the first 128 bits of the key's SHA-256 in hex, so a
    /// retried POST lands on the same orchestration without the key itself (which may be anything a client likes)
    /// reaching a blob name. The prefix keeps keyed ids apart from the 32-digit fresh ones.
    /// </summary>
    public static string FromIdempotencyKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return "k-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
    }

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'z' || c == '-');
}

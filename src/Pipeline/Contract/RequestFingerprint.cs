using System.Security.Cryptography;
using System.Text.Json;
using SithSynth.Domain.Requests;

namespace SithSynth.Pipeline.Contract;

/// <summary>
/// A request's identity for idempotency: the SHA-256 of its parsed fields written in a fixed order, so the same request
/// with different whitespace, field order or seed spelling ("7" or 7) has the same fingerprint.
/// </summary>
public static class RequestFingerprint
{
    private static readonly JsonSerializerOptions Canonical = new();

    public static string Of(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, Canonical)));
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SithSynth.Pipeline.Artifacts;

/// <summary>
/// Signs and checks the local store's download links: <c>?expires={unix seconds}&amp;sig={HMAC-SHA256}</c> over the
/// artifact name and the expiry, so a link opens exactly one file until exactly one moment. The host that serves the
/// files checks links with the same key; a restart with a new key simply retires the old links.
/// </summary>
public sealed class LinkSigner
{
    public const string ExpiresParameter = "expires";
    public const string SignatureParameter = "sig";

    private const int MinimumKeyBytes = 32;

    private readonly byte[] _key;

    public LinkSigner(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"A link key needs at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>A signer with a fresh random key, for a host whose links need only live as long as the process.</summary>
    public static LinkSigner WithNewKey() => new(RandomNumberGenerator.GetBytes(MinimumKeyBytes));

    /// <summary>The query string (without '?') that makes a link to <paramref name="artifactName"/> valid until <paramref name="expires"/>.</summary>
    public string Sign(string artifactName, DateTimeOffset expires)
    {
        ArgumentNullException.ThrowIfNull(artifactName);
        var seconds = expires.ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture, $"{ExpiresParameter}={seconds}&{SignatureParameter}={Signature(artifactName, seconds)}");
    }

    /// <summary>Checks the two query values a request came with against the file it asks for.</summary>
    public LinkVerdict Verify(string artifactName, string? expires, string? signature, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(artifactName);
        if (expires is null || signature is null
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return LinkVerdict.Forged;
        }

        var expected = Encoding.ASCII.GetBytes(Signature(artifactName, seconds));
        var given = Encoding.ASCII.GetBytes(signature);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return LinkVerdict.Forged;
        }

        return now.ToUnixTimeSeconds() < seconds ? LinkVerdict.Valid : LinkVerdict.Expired;
    }

    private string Signature(string artifactName, long expiresSeconds)
    {
        var message = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{artifactName}\n{expiresSeconds}"));
        return Base64Url(HMACSHA256.HashData(_key, message));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

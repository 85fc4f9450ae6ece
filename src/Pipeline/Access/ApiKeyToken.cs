using System.Security.Cryptography;

namespace SithSynth.Pipeline.Access;

/// <summary>
/// The key a client sends: <c>ssk.ID.SECRET</c>, the id 16 hex digits (which entry to look up) and the secret 256
/// random bits in base64url (which only its hash checks). The prefix lets secret scanners and people recognise it.
/// </summary>
public sealed record ApiKeyToken(string Id, byte[] Secret)
{
    public const string Prefix = "ssk";
    public const int SecretBytes = 32;

    public static ApiKeyToken New() =>
        new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), RandomNumberGenerator.GetBytes(SecretBytes));

    public static ApiKeyToken? Parse(string? text)
    {
        if (text?.Split('.') is not [Prefix, var id, var secret] || id.Length != 16 || !id.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        try
        {
            var bytes = Base64UrlDecode(secret);
            return bytes.Length == SecretBytes ? new ApiKeyToken(id, bytes) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The hex SHA-256 of the secret: what is stored and compared.</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Secret));

    public override string ToString() => $"{Prefix}.{Id}.{System.Buffers.Text.Base64Url.EncodeToString(Secret)}";

    private static byte[] Base64UrlDecode(string text) =>
        System.Buffers.Text.Base64Url.IsValid(text) ? System.Buffers.Text.Base64Url.DecodeFromChars(text) : throw new FormatException();
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using SithSynth.Pipeline.Admission;

namespace SithSynth.Pipeline.Access;

/// <summary>
/// The API keys an operator issued (<c>sithsynth api-key</c>) and the check of the one a request sends, as
/// <c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c>. A request without a key is anonymous; a key that is
/// malformed, unknown, revoked or does not match its hash is refused (401), never quietly treated as anonymous, so a
/// client learns its key is wrong. Entries read from the store are kept for <see cref="Freshness"/>, so a flood of
/// requests costs no storage read each, and a revocation takes effect within that time on every instance.
/// </summary>
public sealed class ApiKeyRing(IApiKeyStore store, TimeProvider time)
{
    public const string HeaderName = "X-Api-Key";

    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private const int MostRemembered = 10_000;

    private readonly Dictionary<string, (ApiKeyEntry? Entry, DateTimeOffset ReadAt)> _remembered = new(StringComparer.Ordinal);

    public IApiKeyStore Store { get; } = store;

    /// <summary>A new key: its entry is stored (the hash only) and the key returned, to be shown once.</summary>
    public async Task<(ApiKeyEntry Entry, ApiKeyToken Key)> IssueAsync(string label, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(label);
        while (true)
        {
            var key = ApiKeyToken.New();
            var entry = new ApiKeyEntry(key.Id, label, key.Sha256, time.GetUtcNow());
            if (await Store.CreateAsync(entry, cancellationToken).ConfigureAwait(false))
            {
                return (entry, key);
            }
        }
    }

    /// <summary>Revokes a key; null when there is no key with that id. Revoking a revoked key keeps its first revocation.</summary>
    public async Task<ApiKeyEntry?> RevokeAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await Store.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } entry)
        {
            return null;
        }

        if (entry.Revoked)
        {
            return entry;
        }

        var revoked = entry with { RevokedAt = time.GetUtcNow() };
        await Store.ReplaceAsync(revoked, cancellationToken).ConfigureAwait(false);
        return revoked;
    }

    public async Task<KeyVerdict> VerifyAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bearer = request.Headers.Authorization.ToString();
        var header = request.Headers[HeaderName].ToString();
        if (bearer.Length == 0 && header.Length == 0)
        {
            return KeyVerdict.Anonymous;
        }

        string? sent = header.Length > 0 ? header : null;
        if (bearer.Length > 0)
        {
            if (!bearer.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return Refuse("The Authorization header takes an API key as 'Bearer KEY'; no other scheme is accepted.");
            }

            var token = bearer["Bearer ".Length..].Trim();
            if (sent is not null && sent != token)
            {
                return Refuse($"Authorization and {HeaderName} carry different keys; send one.");
            }

            sent = token;
        }

        if (request.Headers[HeaderName].Count > 1 || ApiKeyToken.Parse(sent) is not { } key)
        {
            return Refuse("The API key is not one this service issues (ssk.ID.SECRET).");
        }

        var entry = await EntryAsync(key.Id, cancellationToken).ConfigureAwait(false);
        if (entry is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(entry.Sha256), Encoding.ASCII.GetBytes(key.Sha256)))
        {
            return Refuse("The API key is not known to this service.");
        }

        return entry.Revoked
            ? Refuse("The API key has been revoked; ask the operator for a new one.")
            : new KeyVerdict(AdmissionCaller.Key(entry.Id), null);
    }

    /// <summary>The WWW-Authenticate challenge of a 401 (RFC 6750), with why.</summary>
    public static string Challenge(string reason) =>
        $"Bearer realm=\"sithsynth\", error=\"invalid_token\", error_description=\"{reason.Replace("\"", "'", StringComparison.Ordinal)}\"";

    private static KeyVerdict Refuse(string reason) => new(null, reason);

    private async Task<ApiKeyEntry?> EntryAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_remembered)
        {
            if (_remembered.TryGetValue(id, out var known) && now - known.ReadAt < Freshness)
            {
                return known.Entry;
            }
        }

        var entry = await Store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        lock (_remembered)
        {
            // Unknown ids are remembered too, so made-up keys cost a read each per Freshness at most.
            if (_remembered.Count >= MostRemembered)
            {
                _remembered.Clear();
            }

            _remembered[id] = (entry, now);
        }

        return entry;
    }
}

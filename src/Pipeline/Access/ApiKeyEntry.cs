namespace SithSynth.Pipeline.Access;

/// <summary>
/// What is stored of an API key: its public id, the operator's label, the SHA-256 of its secret (hex) and when it was
/// issued and revoked. The secret itself is never stored; it is shown once, when the key is issued.
/// </summary>
public sealed record ApiKeyEntry(string Id, string Label, string Sha256, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Revoked => RevokedAt is not null;
}

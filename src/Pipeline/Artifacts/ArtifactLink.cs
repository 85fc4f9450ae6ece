namespace SithSynth.Pipeline.Artifacts;

/// <summary>
/// A read-only link to one artifact and the moment it stops working. The URL is absolute for Blob Storage (a SAS) and
/// may be relative for the local folder store, where the host resolves it against the request's own address.
/// </summary>
public sealed record ArtifactLink(Uri Url, DateTimeOffset ExpiresAt);

namespace SithSynth.Pipeline.Contract;

/// <summary>A read-only download link with its expiry, the name a browser will save it under and its content type.</summary>
public sealed record FileLink(Uri Url, DateTimeOffset ExpiresAt, string FileName, string ContentType);

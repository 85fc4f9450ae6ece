namespace SithSynth.Pipeline.Contract;

/// <summary>GET /api/health: alive, which build, and how many models it can serve.</summary>
public sealed record HealthDocument(string Status, string Version, int Models);

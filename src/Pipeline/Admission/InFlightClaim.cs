namespace SithSynth.Pipeline.Admission;

/// <summary>The generation an admission would put in flight, and how to ask the engine what became of a held one.</summary>
public sealed record InFlightClaim(string GenerationId, Func<string, CancellationToken, Task<HeldState>> StateOf);

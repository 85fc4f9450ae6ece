namespace SithSynth.Pipeline.Admission;

/// <summary>One generation a caller has in flight: its id, its cost in bar-variations and when it was admitted (UTC ticks).</summary>
public sealed record InFlightHold(string Id, int Cost, long Since);

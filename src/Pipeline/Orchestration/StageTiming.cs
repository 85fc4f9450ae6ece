namespace SithSynth.Pipeline.Orchestration;

/// <summary>How long one stage took, measured on the orchestration's replay-safe clock.</summary>
public sealed record StageTiming(string Stage, double Milliseconds);

namespace SithSynth.Pipeline.Orchestration;

/// <summary>Input of a render activity: the stored score to read.</summary>
public sealed record RenderWork(string Score);

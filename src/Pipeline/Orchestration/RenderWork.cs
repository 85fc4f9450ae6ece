namespace SithSynth.Pipeline.Orchestration;

/// <summary>Input of a render activity: the stored score to read, and for MusicXML the layout (piano when absent).</summary>
public sealed record RenderWork(string Score, string? Layout = null);

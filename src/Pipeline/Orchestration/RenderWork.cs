namespace SithSynth.Pipeline.Orchestration;

/// <summary>
/// Input of a render activity: the stored score to read, for MusicXML the layout (piano when absent), and the
/// generation's bar-variations in all, so the render takes its turn at the cores as small or large work (0, as in
/// histories written before it, counts as small).
/// </summary>
public sealed record RenderWork(string Score, string? Layout = null, int Cost = 0);

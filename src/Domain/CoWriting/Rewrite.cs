namespace SithSynth.Domain.CoWriting;

/// <summary>A validated <see cref="Requests.RegenerateRequest"/>: the bars to write again and, over HTTP, whose sheet they are in.</summary>
public sealed record Rewrite(BarSpan Bars, string? Generation, int Variation);

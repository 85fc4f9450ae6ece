namespace SithSynth.Domain.Requests;

/// <summary>
/// Bars to write again in an earlier sheet, every other bar kept note for note: the sheet is variation
/// <see cref="Variation"/> of generation <see cref="Generation"/> over HTTP, or a MusicXML file in the CLI.
/// </summary>
public sealed record RegenerateRequest
{
    /// <summary>The finished generation whose sheet is rewritten (HTTP).</summary>
    public string? Generation { get; init; }

    /// <summary>Which of its variations, from 1; 1 when absent.</summary>
    public int? Variation { get; init; }

    /// <summary>The bars to write again, counted from 1: <c>9-12</c>, or <c>5</c>.</summary>
    public string? Bars { get; init; }
}

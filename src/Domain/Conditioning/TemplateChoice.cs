namespace SithSynth.Domain.Conditioning;

/// <summary>Which template a plan was drawn from: the piece, the window's first bar in it (null when re-barred) and how many bars were used.</summary>
public sealed record TemplateChoice(string Piece, int? FirstBar, int Bars);

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// The measured sets one listening report compares. <see cref="Requests"/> is the user-request grid in major keys;
/// <see cref="Minor"/> the same requests in minor keys; <see cref="Curves"/> sheets written under held-out windows'
/// per-bar curves; <see cref="Human"/> the held-out windows themselves, <see cref="HumanEndings"/> the last bars of
/// the held-out pieces (their minor ones apart), <see cref="Floor"/> the training and validation windows;
/// <see cref="Regenerated"/> spans of request sheets written again.
/// </summary>
public sealed record ListeningSets(
    IReadOnlyList<string> Meters,
    double ValidShare,
    FigureSet Requests,
    IReadOnlyList<(string Meter, ControlScore Control)> ControlByMeter,
    FigureSet? Minor = null,
    double? MinorDiffersFromMajor = null,
    FigureSet? Forms = null,
    double? FormSecondPhraseRestated = null,
    double? FormLastPhraseRestated = null,
    FigureSet? Curves = null,
    FigureSet? Human = null,
    FigureSet? HumanEndings = null,
    FigureSet? HumanMinorEndings = null,
    FigureSet? Floor = null,
    double? ProgressionChordTones = null,
    double? HumanProgressionChordTones = null,
    SpanFigures? Regenerated = null);

namespace SithSynth.Domain.Vocabulary;

/// <summary>
/// The condition values a model was trained on, as its card lists them; index = the id the encoder reads.
/// <paramref name="Modes"/> is null on format-1 cards, whose models never hear the key's mode.
/// </summary>
public sealed record ConditionLists(
    IReadOnlyList<string> TimeSignatures,
    IReadOnlyList<string> PhrasePositions,
    IReadOnlyList<int> Valences,
    IReadOnlyList<string> Densities,
    IReadOnlyList<string>? Modes = null);

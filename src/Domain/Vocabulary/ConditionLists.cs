namespace SithSynth.Domain.Vocabulary;

/// <summary>The condition values a model was trained on, as its card lists them; index = the id the encoder reads.</summary>
public sealed record ConditionLists(
    IReadOnlyList<string> TimeSignatures,
    IReadOnlyList<string> PhrasePositions,
    IReadOnlyList<int> Valences,
    IReadOnlyList<string> Densities);

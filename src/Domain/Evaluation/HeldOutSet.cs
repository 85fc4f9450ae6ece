using SithSynth.Domain.Music;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// The test split of a corpus: token windows for likelihood and conditions, and whole pieces (in the home key) for
/// musical statistics. Either may be absent; <see cref="Notes"/> says what is missing and so what is skipped.
/// </summary>
public sealed record HeldOutSet(IReadOnlyList<HeldOutSequence> Sequences, IReadOnlyList<LeadSheet> Pieces, IReadOnlyList<string> Notes)
{
    public static HeldOutSet Empty { get; } = new([], [], []);
}

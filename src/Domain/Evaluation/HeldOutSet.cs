using SithSynth.Domain.Music;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// The test split of a corpus: token windows whose conditions the model writes under and whose music it is
/// compared with and scored on. When absent, <see cref="Notes"/> says so and what is skipped.
/// </summary>
public sealed record HeldOutSet(IReadOnlyList<HeldOutSequence> Sequences, IReadOnlyList<string> Notes)
{
    public static HeldOutSet Empty { get; } = new([], []);
}

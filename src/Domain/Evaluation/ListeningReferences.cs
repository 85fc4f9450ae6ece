namespace SithSynth.Domain.Evaluation;

/// <summary>
/// The rest of the corpus the listening figures compare with: the training windows (the copy index, and with the
/// validation windows the noise floor) and the held-out pieces' endings. Empty lists leave those figures out.
/// </summary>
public sealed record ListeningReferences(
    IReadOnlyList<HeldOutSequence> Training,
    IReadOnlyList<HeldOutSequence> Validation,
    IReadOnlyList<MeasuredSheet> Endings)
{
    public static ListeningReferences None { get; } = new([], [], []);
}

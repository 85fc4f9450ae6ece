using SithSynth.Domain.Music;

namespace SithSynth.Domain.Corpus;

/// <summary>The built corpus: every used piece with its split and sequences, what re-barring added, and the tally of the build.</summary>
public sealed record TrainingCorpus(
    ulong Seed,
    IReadOnlyList<CorpusPiece> Pieces,
    IReadOnlyDictionary<TimeSignature, int> SequencesBeforeDerivation,
    IReadOnlyList<DerivationOutcome> Derivations,
    CorpusTally Tally)
{
    public IEnumerable<CorpusSequence> Sequences(CorpusSplit split) =>
        Pieces.Where(p => p.Split == split).SelectMany(p => p.Sequences);
}

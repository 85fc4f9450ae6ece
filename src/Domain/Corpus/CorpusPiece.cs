namespace SithSynth.Domain.Corpus;

/// <summary>A piece that made it into the corpus: its split, its music at home, and its training sequences (re-barred ones included).</summary>
public sealed record CorpusPiece(string Id, CorpusSplit Split, IReadOnlyList<HomeKeyArrangement> Arrangements, IReadOnlyList<CorpusSequence> Sequences);

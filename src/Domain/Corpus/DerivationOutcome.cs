namespace SithSynth.Domain.Corpus;

/// <summary>What one re-barring added to the corpus.</summary>
public sealed record DerivationOutcome(MeterDerivation Derivation, int Pieces, int Sequences);

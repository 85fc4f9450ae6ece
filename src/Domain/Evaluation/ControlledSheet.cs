using SithSynth.Domain.Analysis;

namespace SithSynth.Domain.Evaluation;

/// <summary>What a sheet was asked for (one valence and one density for every bar) and what it measures as.</summary>
public sealed record ControlledSheet(int RequestedValence, Density RequestedDensity, SheetAnalysis Measured);

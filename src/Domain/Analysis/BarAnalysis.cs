namespace SithSynth.Domain.Analysis;

/// <summary>What one bar measures as: its median chord valence (raw and binned) and its note density.</summary>
public sealed record BarAnalysis(double RawValence, int Valence, int Notes, Density Density);

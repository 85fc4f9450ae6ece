namespace SithSynth.Pipeline.Orchestration;

/// <summary>One finished variation: its seed, what it measures as, and the blob names of its three files.</summary>
public sealed record VariationResult(int Variation, ulong Seed, AnalysisSummary Analysis, string Midi, string MusicXml, string Report);

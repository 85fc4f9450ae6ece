namespace SithSynth.Pipeline.Orchestration;

/// <summary>
/// What inference hands on: the variation (1-based), its seed, where its score and report were stored, and the
/// measured analysis. Names only; the notes stay in the artifact store.
/// </summary>
public sealed record WrittenSheet(int Variation, ulong Seed, string Score, string Report, AnalysisSummary Analysis);

using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Pipeline.Contract;

/// <summary>
/// One finished variation in the status document. The seed is a string because seeds reach 2^64 − 1 and JavaScript
/// numbers are exact only to 2^53; POST accepts it back in either form.
/// </summary>
public sealed record VariationDocument(int Variation, string Seed, AnalysisSummary Analysis, VariationFiles Files);

using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Generation;

/// <summary>One variation: the lead sheet in the requested key, what it was asked to be and what it measures as.</summary>
public sealed record GeneratedSheet(
    int Variation,
    ulong Seed,
    string Model,
    LeadSheet Sheet,
    IReadOnlyList<BarCondition> Plan,
    SheetAnalysis Analysis,
    int Steps,
    int Interventions,
    double MaskedProbability);

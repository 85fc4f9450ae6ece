using SithSynth.Domain.Analysis;

namespace SithSynth.Pipeline.Orchestration;

/// <summary>What a variation measures as, bar by bar: small enough to travel through the orchestration's history.</summary>
public sealed record AnalysisSummary(
    double AverageValence,
    double InKeyRatio,
    double RestRatio,
    IReadOnlyList<int> Valence,
    IReadOnlyList<string> Density,
    IReadOnlyList<int> Notes)
{
    public static AnalysisSummary Of(SheetAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return new AnalysisSummary(
            Math.Round(analysis.AverageValence, 4),
            Math.Round(analysis.InKeyRatio, 4),
            Math.Round(analysis.RestRatio, 4),
            [.. analysis.Bars.Select(b => b.Valence)],
            [.. analysis.Bars.Select(b => DensityNames.Name(b.Density))],
            [.. analysis.Bars.Select(b => b.Notes)]);
    }
}

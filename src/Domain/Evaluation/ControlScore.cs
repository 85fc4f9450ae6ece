namespace SithSynth.Domain.Evaluation;

/// <summary>
/// How closely a set of sheets obeys the requested controls. Valence MAE is per bar, in bins of the −2..+2 scale;
/// the rank correlation pairs each sheet's requested valence with its measured average; density in-bin is the share
/// of bars whose note count lands in the requested bin.
/// </summary>
public sealed record ControlScore(int Sheets, int Bars, double ValenceMae, double ValenceRankCorrelation, double DensityInBin)
{
    public static ControlScore Of(IReadOnlyList<ControlledSheet> sheets)
    {
        var bars = sheets.SelectMany(s => s.Measured.Bars.Select(b => (Sheet: s, Bar: b))).ToList();
        if (bars.Count == 0)
        {
            throw new ArgumentException("Scoring controls needs at least one bar.", nameof(sheets));
        }

        return new ControlScore(
            sheets.Count,
            bars.Count,
            bars.Average(p => Math.Abs(p.Bar.Valence - p.Sheet.RequestedValence)),
            RankCorrelation.Spearman([.. sheets.Select(s => (double)s.RequestedValence)], [.. sheets.Select(s => s.Measured.AverageValence)]),
            bars.Count(p => p.Bar.Density == p.Sheet.RequestedDensity) / (double)bars.Count);
    }
}

using SithSynth.Domain.Analysis;
using SithSynth.Domain.Evaluation;

namespace SithSynth.Domain.Tests.Evaluation;

public class ControlScoreTests
{
    private static ControlledSheet Sheet(int valence, Density density, params (int Valence, Density Density)[] bars)
    {
        var measured = bars.Select(b => new BarAnalysis(0, b.Valence, 0, b.Density)).ToList();
        return new ControlledSheet(valence, density, new SheetAnalysis(measured, measured.Average(b => b.Valence), 60, 72, 1, 0));
    }

    [Fact]
    public void Scores_are_per_bar_for_valence_error_and_density_and_per_sheet_for_rank()
    {
        var score = ControlScore.Of(
        [
            Sheet(2, Density.High, (2, Density.High), (1, Density.Med)),
            Sheet(-1, Density.Low, (0, Density.Low), (-2, Density.Low)),
            Sheet(0, Density.Med, (0, Density.Med), (0, Density.High)),
        ]);

        Assert.Equal(3, score.Sheets);
        Assert.Equal(6, score.Bars);
        Assert.Equal(3 / 6.0, score.ValenceMae, 12);
        Assert.Equal(4 / 6.0, score.DensityInBin, 12);

        // Requested [2, −1, 0] against measured averages [1.5, −1, 0]: the same order.
        Assert.Equal(1, score.ValenceRankCorrelation, 12);
    }

    [Fact]
    public void Sheets_that_ignore_the_request_score_badly()
    {
        var score = ControlScore.Of(
        [
            Sheet(2, Density.High, (-2, Density.Low), (-2, Density.Low)),
            Sheet(-2, Density.Low, (2, Density.High), (2, Density.High)),
        ]);

        Assert.Equal(4, score.ValenceMae);
        Assert.Equal(0, score.DensityInBin);
        Assert.Equal(-1, score.ValenceRankCorrelation, 12);
    }
}

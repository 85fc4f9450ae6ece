using SithSynth.Domain.Evaluation;

namespace SithSynth.Domain.Tests.Evaluation;

public class FigureTargetTests
{
    [Fact]
    public void Bounds_ranges_and_human_relative_targets_judge_as_written()
    {
        Assert.True(FigureTarget.AtLeast(0.8).Met(0.8, null));
        Assert.False(FigureTarget.AtLeast(0.8).Met(0.79, null));
        Assert.True(FigureTarget.AtMost(4).Met(4, null));
        Assert.False(FigureTarget.AtMost(4).Met(5, null));
        Assert.False(FigureTarget.Between(0.9, 1.3).Met(0.74, null));
        Assert.True(FigureTarget.Between(0.9, 1.3).Met(1.12, null));
        Assert.False(FigureTarget.Between(0.9, 1.3).Met(1.31, null));
        Assert.True(FigureTarget.NoMoreThanHuman().Met(4.2, 4.8));
        Assert.False(FigureTarget.NoMoreThanHuman().Met(5, 4.8));
        Assert.True(FigureTarget.WithinOfHuman(0.7).Met(6.2, 5.9));
        Assert.False(FigureTarget.WithinOfHuman(0.7).Met(7.1, 5.9));
        Assert.False(FigureTarget.WithinOfHuman(0.7).Met(5.1, 5.9));
    }

    [Fact]
    public void A_figure_not_measured_is_neither_met_nor_missed()
    {
        Assert.Null(FigureTarget.AtLeast(0.8).Met(null, 1));
        Assert.Null(FigureTarget.NoMoreThanHuman().Met(3, null));
        Assert.Equal("≥ 80%", FigureTarget.AtLeast(0.8, percent: true).Text);
        Assert.Equal("0.9–1.3", FigureTarget.Between(0.9, 1.3).Text);
    }
}

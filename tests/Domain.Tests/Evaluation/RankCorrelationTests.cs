using SithSynth.Domain.Evaluation;

namespace SithSynth.Domain.Tests.Evaluation;

public class RankCorrelationTests
{
    [Fact]
    public void Tied_values_share_the_mean_of_their_ranks()
    {
        Assert.Equal([1, 3, 3, 5, 3], RankCorrelation.Ranks([10, 20, 20, 30, 20]));
    }

    [Fact]
    public void Any_increasing_relation_is_one_and_any_decreasing_one_is_minus_one()
    {
        double[] x = [1, 2, 3, 4, 5];
        Assert.Equal(1, RankCorrelation.Spearman(x, [1, 4, 9, 16, 100]), 12);
        Assert.Equal(-1, RankCorrelation.Spearman(x, [5, 3, 2, 0, -7]), 12);
    }

    [Fact]
    public void With_ties_it_is_the_pearson_correlation_of_averaged_ranks()
    {
        // Ranks x = [1, 2.5, 2.5, 4], y = [1, 3, 2, 4]: covariance 4.5 over sqrt(4.5 · 5) = 3 / sqrt(10).
        Assert.Equal(3 / Math.Sqrt(10), RankCorrelation.Spearman([1, 2, 2, 3], [1, 3, 2, 4]), 12);
    }

    [Fact]
    public void A_constant_side_has_nothing_to_rank()
    {
        Assert.Equal(0, RankCorrelation.Spearman([1, 1, 1], [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => RankCorrelation.Spearman([1, 2], [1]));
    }
}

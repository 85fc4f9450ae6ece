using SithSynth.Domain.Evaluation;

namespace SithSynth.Domain.Tests.Evaluation;

public class DistributionTests
{
    [Fact]
    public void Total_variation_is_half_the_summed_difference_of_shares()
    {
        var a = new Distribution<string>();
        a.Add("step", 3);
        a.Add("leap", 1);
        var b = new Distribution<string>();
        b.Add("step", 1);
        b.Add("repeat", 1);

        // Shares a: step .75, leap .25; b: step .5, repeat .5 → (.25 + .25 + .5) / 2.
        Assert.Equal(0.5, a.TotalVariation(b)!.Value, 12);
        Assert.Equal(0, a.TotalVariation(a)!.Value, 12);
        Assert.Null(a.TotalVariation(new Distribution<string>()));
    }
}

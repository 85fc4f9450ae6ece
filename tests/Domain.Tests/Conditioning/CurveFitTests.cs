using SithSynth.Domain.Conditioning;

namespace SithSynth.Domain.Tests.Conditioning;

public class CurveFitTests
{
    [Fact]
    public void A_template_is_moved_onto_the_centre_with_its_swings_scaled()
    {
        int[] template = [-2, -2, 0, -2, -2, -2, -1, -1];

        // Its own mean is −1.5: the 0 bar stands 1.5 above it, the −1 bars half a step above, the −2 bars half below;
        // the centre 1.5 rounds to 2.
        Assert.Equal([1, 1, 4, 1, 1, 1, 3, 3], CurveFit.Centred(template, 1.5, 1, -5, 5));
        Assert.Equal([2, 2, 3, 2, 2, 2, 2, 2], CurveFit.Centred(template, 1.5, 0.5, -5, 5));
        Assert.Equal([2, 2, 2, 2, 2, 2, 2, 2], CurveFit.Centred(template, 1.5, 0, -5, 5));
    }

    [Fact]
    public void Swings_up_and_down_are_scaled_alike()
    {
        // Mean 1: the low and the high bar both stand one bin away, and half a bin rounds away from the centre.
        Assert.Equal([1, 0, 1, 2], CurveFit.Centred([1, 0, 1, 2], 1, 0.5, 0, 2));
        Assert.Equal([1, 1, 1, 1], CurveFit.Centred([1, 0, 1, 2], 1, 0.4, 0, 2));
    }

    [Fact]
    public void A_centred_curve_stays_within_its_range()
    {
        // Mean −1: the 0 bars stand one above it, so 3, kept to 2; the −4 bar three below, so −1.
        Assert.Equal([2, 2, -1, 2], CurveFit.Centred([0, 0, -4, 0], 2, 1, -2, 2));
    }
}

using SithSynth.Domain.Evaluation;

namespace SithSynth.Domain.Tests.Evaluation;

public class PitchClassDistanceTests
{
    private static double[] Histogram(params (int PitchClass, double Weight)[] bins)
    {
        var histogram = new double[12];
        foreach (var (pitchClass, weight) in bins)
        {
            histogram[pitchClass] = weight;
        }

        return histogram;
    }

    [Fact]
    public void The_same_profile_at_any_scale_is_no_distance()
    {
        var p = Histogram((0, 3), (4, 2), (7, 1));
        var q = Histogram((0, 30), (4, 20), (7, 10));

        Assert.Equal(0, PitchClassDistance.TotalVariation(p, q), 12);
        Assert.Equal(0, PitchClassDistance.JensenShannon(p, q), 12);
    }

    [Fact]
    public void Disjoint_profiles_are_as_far_apart_as_can_be()
    {
        var p = Histogram((0, 1), (4, 1));
        var q = Histogram((1, 1), (6, 1));

        Assert.Equal(1, PitchClassDistance.TotalVariation(p, q), 12);
        Assert.Equal(1, PitchClassDistance.JensenShannon(p, q), 12);
    }

    [Fact]
    public void Total_variation_is_the_share_of_notes_that_must_move()
    {
        // Half on C and half on G against all on C: half the notes must move.
        Assert.Equal(0.5, PitchClassDistance.TotalVariation(Histogram((0, 1), (7, 1)), Histogram((0, 1))), 12);

        // JS of [½, ½] against [1, 0]: ½·KL([½,½] ‖ [¾,¼]) + ½·KL([1,0] ‖ [¾,¼]) in bits.
        var expected = (0.5 * ((0.5 * Math.Log2(0.5 / 0.75)) + (0.5 * Math.Log2(0.5 / 0.25)))) + (0.5 * Math.Log2(1 / 0.75));
        Assert.Equal(expected, PitchClassDistance.JensenShannon(Histogram((0, 1), (7, 1)), Histogram((0, 1))), 12);
    }
}

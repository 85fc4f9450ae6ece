using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Music;
using SithSynth.Domain.Requests;

namespace SithSynth.Domain.Tests.Conditioning;

public class ConditionPlannerTests
{
    private static GenerationSpec Spec(int bars, double? average = null, IReadOnlyList<int>? curve = null) => new(
        "lstm", 1, null, TimeSignature.Common, bars, average, curve, Density.High, null, Key.CMajor, 100, 1, 1);

    [Theory]
    [InlineData(8, "start1 start2 - - - - final1 final2")]
    [InlineData(11, "start1 start2 - - - - - - - final1 final2")]
    [InlineData(12, "start1 start2 - - - - end1 end2 start1 start2 final1 final2")]
    [InlineData(16, "start1 start2 - - - - end1 end2 start1 start2 - - - - final1 final2")]
    public void Phrases_are_eight_bars_and_short_tails_join_the_last(int bars, string expected) =>
        Assert.Equal(expected, string.Join(' ', PhrasePlan.For(bars).Select(PhrasePlan.Name)));

    [Fact]
    public void A_whole_average_gives_every_bar_that_valence()
    {
        var plan = ConditionPlanner.Plan(Spec(16, average: -1), 5);
        Assert.All(plan, c => Assert.Equal(-1, c.Valence));
        Assert.All(plan, c => Assert.Equal(Density.High, c.Density));
    }

    [Fact]
    public void A_fractional_average_holds_within_phrases_and_is_met_on_average()
    {
        var means = new List<double>();
        for (ulong seed = 0; seed < 200; seed++)
        {
            var plan = ConditionPlanner.Plan(Spec(40, average: 0.5), seed);
            foreach (var phrase in plan.Chunk(8))
            {
                Assert.Single(phrase.Select(c => c.Valence).Distinct());
            }

            Assert.All(plan, c => Assert.InRange(c.Valence, 0, 1));
            means.Add(plan.Average(c => c.Valence));
        }

        Assert.InRange(means.Average(), 0.4, 0.6);
    }

    [Fact]
    public void A_curve_is_used_as_given()
    {
        int[] curve = [-2, -1, 0, 1, 2, 1, 0, -1];
        Assert.Equal(curve, ConditionPlanner.Plan(Spec(8, curve: curve), 1).Select(c => c.Valence));
    }
}

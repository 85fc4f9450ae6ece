using SithSynth.Domain.Analysis;
using SithSynth.Domain.Randomness;
using SithSynth.Domain.Requests;

namespace SithSynth.Domain.Conditioning;

/// <summary>
/// Turns a spec into the per-bar conditions the encoder reads. A per-bar curve is used as given. An average
/// valence becomes a smooth plan: each phrase holds one value, the average rounded up or down at random in
/// proportion to its fraction, so a phrase never flickers and the sheet's mean matches the request in expectation.
/// We chose this over the original's corpus templates because it needs no data beyond the model and obeys the
/// request exactly where the request is a whole number. One density applies to every bar.
/// </summary>
public static class ConditionPlanner
{
    public static IReadOnlyList<BarCondition> Plan(GenerationSpec spec, ulong seed)
    {
        var random = new SeededRandom(seed);
        var phrases = PhrasePlan.For(spec.Bars);
        var valences = spec.ValencePerBar ?? SmoothValence(spec.AverageValence ?? 0, spec.Bars, random);
        var densities = spec.DensityPerBar ?? Enumerable.Repeat(spec.UniformDensity ?? Density.Med, spec.Bars).ToList();
        return [.. Enumerable.Range(0, spec.Bars).Select(i => new BarCondition(spec.TimeSignature, phrases[i], valences[i], densities[i], spec.Key.Mode))];
    }

    private static List<int> SmoothValence(double average, int bars, SeededRandom random)
    {
        var plan = new List<int>(bars);
        var floor = Math.Floor(average);
        var fraction = average - floor;
        foreach (var length in PhrasePlan.PhraseLengths(bars))
        {
            var value = (int)Math.Clamp(floor + (random.NextDouble() < fraction ? 1 : 0), -2, 2);
            plan.AddRange(Enumerable.Repeat(value, length));
        }

        return plan;
    }
}

using SithSynth.Domain.Randomness;

namespace SithSynth.Domain.Conditioning;

/// <summary>
/// Moves a whole-number curve to a requested mean by nudging single bars up or down one step at a time, at random
/// bars, so the shape of a human curve survives. Restated bars follow their source, so a nudge there counts once per
/// copy. It stops when no nudge brings the sum closer, which leaves the mean within k/(2N) of the request for N bars
/// where k is the most times one bar sounds: 1/(2N) through-composed, 1/N for AA′ or ABAB, 3/(2N) for AABA.
/// </summary>
public static class CurveFit
{
    /// <summary>
    /// A template curve moved onto <paramref name="centre"/> with its swings scaled by <paramref name="shape"/>: each
    /// bar is the centre (rounded) plus the scaled distance of the template's bar from the template's own mean, that
    /// distance rounded with halves away from zero (so a swing survives or vanishes alike up and down), kept within
    /// min..max. A shape of 1 keeps the template's swings whole, 0 is a flat curve.
    /// </summary>
    public static int[] Centred(IReadOnlyList<int> template, double centre, double shape, int min, int max)
    {
        var mean = template.Average();
        var level = Math.Round(centre, MidpointRounding.AwayFromZero);
        return [.. template.Select(v => (int)Math.Clamp(level + Math.Round(shape * (v - mean), MidpointRounding.AwayFromZero), min, max))];
    }

    public static void ToMean(int[] values, IReadOnlyList<int?> restates, int min, int max, double mean, SeededRandom random)
    {
        Follow(values, restates);
        var copies = new int[values.Length];
        foreach (var source in restates)
        {
            if (source is { } s)
            {
                copies[s]++;
            }
        }

        var target = mean * values.Length;
        var options = new List<int>(values.Length);
        while (true)
        {
            var gap = target - values.Sum();
            var step = Math.Sign(gap);
            options.Clear();
            for (var bar = 0; bar < values.Length; bar++)
            {
                var moved = values[bar] + step;
                if (step != 0 && restates[bar] is null && moved >= min && moved <= max && Math.Abs(gap - (step * (1 + copies[bar]))) < Math.Abs(gap))
                {
                    options.Add(bar);
                }
            }

            if (options.Count == 0)
            {
                return;
            }

            values[options[random.NextInt(options.Count)]] += step;
            Follow(values, restates);
        }
    }

    /// <summary>Copies each restated bar's value from the bar it restates.</summary>
    public static void Follow(int[] values, IReadOnlyList<int?> restates)
    {
        for (var bar = 0; bar < values.Length; bar++)
        {
            if (restates[bar] is { } source)
            {
                values[bar] = values[source];
            }
        }
    }
}

using SithSynth.Domain.Music;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// The Krumhansl–Schmuckler key estimate: the sheet's pitch-class durations correlated with the Krumhansl–Kessler
/// profile of each of the 24 keys, the best correlation winning. Chord tones count beside the melody (each chord's
/// pitch classes for as long as it sounds), since a lead sheet's harmony is what names its key to a musician.
/// </summary>
public static class KeyFinder
{
    private static readonly double[] MajorProfile = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88];
    private static readonly double[] MinorProfile = [6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17];

    public static EstimatedKey Estimate(LeadSheet sheet)
    {
        var weights = new double[12];
        foreach (var e in sheet.Events)
        {
            if (e.Pitch is { } pitch)
            {
                weights[PitchClass.Of(pitch)] += e.Duration.TotalQuarters;
            }

            foreach (var pitchClass in e.Chord.PitchClasses)
            {
                weights[pitchClass] += e.Duration.TotalQuarters;
            }
        }

        return Estimate(weights);
    }

    /// <summary>The best of the 24 keys for a 12-bin pitch-class weight vector; C major when it has no spread.</summary>
    public static EstimatedKey Estimate(IReadOnlyList<double> weights)
    {
        var best = new EstimatedKey(0, KeyMode.Major);
        var bestScore = double.NegativeInfinity;
        foreach (var mode in new[] { KeyMode.Major, KeyMode.Minor })
        {
            var profile = mode == KeyMode.Major ? MajorProfile : MinorProfile;
            for (var tonic = 0; tonic < 12; tonic++)
            {
                var score = Correlation(weights, profile, tonic);
                if (score > bestScore)
                {
                    (best, bestScore) = (new EstimatedKey(tonic, mode), score);
                }
            }
        }

        return best;
    }

    private static double Correlation(IReadOnlyList<double> weights, double[] profile, int tonic)
    {
        var meanW = weights.Average();
        var meanP = profile.Average();
        double covariance = 0, varianceW = 0, varianceP = 0;
        for (var pc = 0; pc < 12; pc++)
        {
            var w = weights[pc] - meanW;
            var p = profile[PitchClass.Of(pc - tonic)] - meanP;
            covariance += w * p;
            varianceW += w * w;
            varianceP += p * p;
        }

        return varianceW == 0 ? 0 : covariance / Math.Sqrt(varianceW * varianceP);
    }
}

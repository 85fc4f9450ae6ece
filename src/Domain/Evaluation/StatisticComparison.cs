namespace SithSynth.Domain.Evaluation;

/// <summary>One musical statistic of the generated sheets beside the held-out pieces' value.</summary>
public sealed record StatisticComparison(string Name, double Generated, double HeldOut)
{
    /// <summary>|generated − held-out| / |held-out|; infinite when held-out is zero and generated is not.</summary>
    public double RelativeDifference => HeldOut == 0
        ? (Generated == 0 ? 0 : double.PositiveInfinity)
        : Math.Abs(Generated - HeldOut) / Math.Abs(HeldOut);

    public bool Passed => RelativeDifference <= EvaluationTargets.MusicalTolerance;
}

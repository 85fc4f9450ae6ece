namespace SithSynth.Domain.Evaluation;

/// <summary>The figures a model must reach to count as controllable and musical (from the evaluation issue).</summary>
public static class EvaluationTargets
{
    public const double ValidShare = 1.0;
    public const double ValenceMae = 0.5;
    public const double ValenceRankCorrelation = 0.8;
    public const double DensityInBin = 0.75;

    /// <summary>Each musical statistic within this relative difference of the held-out pieces; pitch-class total variation at most this.</summary>
    public const double MusicalTolerance = 0.15;
}

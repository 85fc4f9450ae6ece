namespace SithSynth.Domain.Evaluation;

/// <summary>The control figures a model must keep (issues 10 and 11): per meter, valence within a quarter bin and density in its bin.</summary>
public static class EvaluationTargets
{
    public const double ValidShare = 1.0;
    public const double ValenceMae = 0.25;
    public const double ValenceRankCorrelation = 0.8;
    public const double DensityInBin = 0.80;

    /// <summary>Each musical statistic within this relative difference of the held-out pieces; pitch-class total variation at most this.</summary>
    public const double MusicalTolerance = 0.15;
}

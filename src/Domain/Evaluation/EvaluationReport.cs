namespace SithSynth.Domain.Evaluation;

/// <summary>
/// Everything one evaluation measured for one model. <see cref="Conditioned"/> scores the grid sheets written
/// with the requested conditions; <see cref="Baseline"/> scores sheets from the same cells and seeds written with
/// random conditions, against the same requests, so the difference is what conditioning buys.
/// </summary>
public sealed record EvaluationReport(
    string Model,
    EvaluationSettings Settings,
    EvaluationGrid Grid,
    DecodingScore GridDecoding,
    DecodingScore? HeldOutDecoding,
    ControlScore Conditioned,
    ControlScore Baseline,
    MusicalComparison? Musicality,
    LikelihoodScore? Likelihood,
    IReadOnlyList<string> Notes,
    TimeSpan GenerationTime,
    TimeSpan LikelihoodTime)
{
    public IReadOnlyList<TargetCheck> Targets
    {
        get
        {
            var checks = new List<TargetCheck>
            {
                TargetCheck.AtLeast("validShare", Math.Min(GridDecoding.ValidShare, HeldOutDecoding?.ValidShare ?? 1), EvaluationTargets.ValidShare),
                TargetCheck.NoMoreThan("valenceMae", Conditioned.ValenceMae, EvaluationTargets.ValenceMae),
                TargetCheck.AtLeast("valenceRankCorrelation", Conditioned.ValenceRankCorrelation, EvaluationTargets.ValenceRankCorrelation),
                TargetCheck.AtLeast("densityInBin", Conditioned.DensityInBin, EvaluationTargets.DensityInBin),
            };
            if (Musicality is { } musicality)
            {
                checks.Add(TargetCheck.NoMoreThan("pitchClassTotalVariation", musicality.PitchClassTotalVariation, EvaluationTargets.MusicalTolerance));
                checks.AddRange(musicality.Statistics.Select(s => TargetCheck.NoMoreThan(s.Name + "RelativeDifference", s.RelativeDifference, EvaluationTargets.MusicalTolerance)));
            }

            return checks;
        }
    }
}

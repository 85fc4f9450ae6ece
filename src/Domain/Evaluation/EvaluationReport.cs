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
    IReadOnlyList<Figure> Listening,
    LikelihoodScore? Likelihood,
    IReadOnlyList<string> Notes,
    TimeSpan GenerationTime,
    TimeSpan LikelihoodTime)
{
    /// <summary>
    /// Validity over every sheet written (the grid and the held-out curves), the valence rank correlation, and every
    /// listening figure that has a target. The musicality comparison under held-out curves is reported, not targeted:
    /// its averages cancel out (mean |interval|) and its curves hide the static harmony users get.
    /// </summary>
    public IReadOnlyList<TargetCheck> Targets =>
    [
        TargetCheck.AtLeast("validShare", Math.Min(GridDecoding.ValidShare, HeldOutDecoding?.ValidShare ?? 1), EvaluationTargets.ValidShare),
        TargetCheck.AtLeast("valenceRankCorrelation", Conditioned.ValenceRankCorrelation, EvaluationTargets.ValenceRankCorrelation),
        .. Listening.Where(f => f.Name != "valid" && f.Passed is not null).Select(f => new TargetCheck(f.Name, f.Requests ?? double.NaN, f.Target!.High ?? f.Target.Low ?? 0, f.Target.High is not null) { Text = f.Target.Text, Met = f.Passed }),
    ];
}

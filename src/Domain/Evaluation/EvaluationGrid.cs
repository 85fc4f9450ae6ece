using SithSynth.Domain.Analysis;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// Every combination of requested valence, density and meter that a model is tried on, each sampled the same
/// number of times, so no control value is favoured over another.
/// </summary>
public sealed record EvaluationGrid(IReadOnlyList<int> Valences, IReadOnlyList<Density> Densities, IReadOnlyList<TimeSignature> TimeSignatures)
{
    /// <summary>The whole −2..+2 valence scale and every density, in the meters a model supports.</summary>
    public static EvaluationGrid Full(IReadOnlyList<TimeSignature> timeSignatures) =>
        new([-2, -1, 0, 1, 2], Enum.GetValues<Density>(), timeSignatures);

    public IReadOnlyList<EvaluationCell> Cells =>
        [.. TimeSignatures.SelectMany(t => Valences.SelectMany(v => Densities.Select(d => new EvaluationCell(v, d, t))))];
}

using SithSynth.Domain.Analysis;
using SithSynth.Domain.Randomness;
using SithSynth.Domain.Requests;

namespace SithSynth.Domain.Conditioning;

/// <summary>
/// Turns a spec into the per-bar conditions the encoder reads. A per-bar curve the request gives is used exactly.
/// With no valence asked, the plan takes a real training window's valence curve whole (of the meter, mode and about
/// the density asked), as songs move between bright, dark and dominant bars: a flat valence 0, the old default, is a
/// sheet of dominant sevenths (87 % of the songs' valence-0 bars' chords are, 88 % of the default sheets' were).
/// An average valence or one density becomes the curve of a real training window of the same meter (and mode) whose
/// averages are close, drawn by the seed, centred on the request with its swings scaled down
/// (<see cref="ValenceShape"/>, <see cref="DensityShape"/>), then nudged bar by bar until its mean is the request's
/// (see <see cref="CurveFit"/>): the template gives the plan its shape, the request its level. Without
/// templates (a model folder with no plans.json) an average valence holds one value per phrase, rounded up or down
/// at random in proportion to its fraction, and one density applies to every bar. Bars the form restates take the
/// conditions of the bars they copy, unless the request fixed that curve itself; where a chord progression gives a
/// restated bar other chords than its source, the progression wins and the bar is not restated
/// (<see cref="Progressions.ChordProgression.KeepRestatements"/>).
/// </summary>
public static class ConditionPlanner
{
    /// <summary>
    /// How much of a template's valence swing a requested average keeps: none. Bars are scored against the request and
    /// a human curve swings about a bin around its mean; kept whole the swing cost 0.65 bins of valence error, a
    /// quarter of it still 0.35–0.51 (lstm), while held flat the error is 0.20–0.38. The template shapes density and
    /// the decoder's rules shape the harmony.
    /// </summary>
    public const double ValenceShape = 0;

    /// <summary>How much of a template's density swing one requested density keeps: a half moves about 10% of bars one bin (those a whole bin or more from the template's mean).</summary>
    public const double DensityShape = 0.5;

    /// <summary>The plan without templates, for callers that only need the conditions.</summary>
    public static IReadOnlyList<BarCondition> Plan(GenerationSpec spec, ulong seed) => Draw(spec, seed, null).Bars;

    public static SheetPlan Draw(GenerationSpec spec, ulong seed, PlanTemplates? templates)
    {
        var random = new SeededRandom(seed);
        var bars = spec.Bars;
        var phrases = PhrasePlan.For(bars);
        var formRestates = spec.Form?.SourceBars(bars) ?? new int?[bars];
        var restates = spec.Chords?.KeepRestatements(formRestates) ?? formRestates;
        var averageValence = spec.AverageValence ?? GenerationSpec.DefaultValence;
        var songValence = spec.AverageValence is null && spec.ValencePerBar is null;
        var uniformDensity = spec.UniformDensity ?? GenerationSpec.DefaultDensity;

        var template = spec.ValencePerBar is not null && spec.DensityPerBar is not null
            ? null
            : templates?.Choose(
                spec.TimeSignature, spec.Key.Mode, bars,
                spec.ValencePerBar is null && !songValence ? averageValence : null,
                spec.DensityPerBar is null ? uniformDensity : null,
                random);

        int[] valences;
        int[] densities;
        if (template is null)
        {
            valences = [.. spec.ValencePerBar ?? SmoothValence(averageValence, bars, random)];
            densities = [.. spec.DensityPerBar?.Select(d => (int)d) ?? Enumerable.Repeat((int)uniformDensity, bars)];
            if (spec.ValencePerBar is null)
            {
                CurveFit.Follow(valences, restates);
            }
        }
        else
        {
            valences = [.. spec.ValencePerBar ?? (songValence ? template.ValencesFor(bars) : CurveFit.Centred([.. template.ValencesFor(bars)], averageValence, ValenceShape, -2, 2))];
            densities = [.. spec.DensityPerBar?.Select(d => (int)d)
                ?? CurveFit.Centred([.. template.DensitiesFor(bars).Select(d => (int)d)], (int)uniformDensity, DensityShape, (int)Density.Low, (int)Density.High)];
            if (songValence)
            {
                CurveFit.Follow(valences, restates);
            }
            else if (spec.ValencePerBar is null)
            {
                CurveFit.ToMean(valences, restates, -2, 2, averageValence, random);
            }

            if (spec.DensityPerBar is null)
            {
                CurveFit.ToMean(densities, restates, (int)Density.Low, (int)Density.High, (int)uniformDensity, random);
            }
        }

        var conditions = Enumerable.Range(0, bars)
            .Select(i => new BarCondition(spec.TimeSignature, phrases[i], valences[i], (Density)densities[i], spec.Key.Mode))
            .ToList();
        var choice = template is null ? null : new TemplateChoice(template.Piece, template.FirstBar, Math.Min(bars, template.Bars));
        return new SheetPlan(conditions, restates, choice);
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

using SithSynth.Domain.Analysis;
using SithSynth.Domain.CoWriting;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Decoding;
using SithSynth.Domain.Models;
using SithSynth.Domain.Music;
using SithSynth.Domain.Progressions;
using SithSynth.Domain.Randomness;
using SithSynth.Domain.Requests;

namespace SithSynth.Domain.Generation;

/// <summary>
/// Writes one variation of a spec: plans the bar conditions (from the model's plan templates when it ships them),
/// decodes a sheet in the model's home key (C major, or A minor for minor requests) with the form's restated bars
/// forced and the requested chord progression moved home and followed, moves it into the requested key and measures
/// it. Variation i always uses the seed derived from the request's seed and i, so any variation can be regenerated
/// alone, on any machine.
/// </summary>
public static class LeadSheetGenerator
{
    public static ulong VariationSeed(GenerationSpec spec, int variation) => SeededRandom.Derive(spec.Seed, (ulong)variation);

    /// <param name="spec">What to write.</param>
    /// <param name="model">The model that writes it.</param>
    /// <param name="variation">Which variation, from 0.</param>
    /// <param name="source">The sheet whose bars <see cref="GenerationSpec.Regenerate"/> writes again (in its own key); only then.</param>
    public static GeneratedSheet Generate(GenerationSpec spec, INextTokenModel model, int variation, LeadSheet? source = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(variation);
        var seed = VariationSeed(spec, variation);
        var plan = ConditionPlanner.Draw(spec, seed, model.PlanTemplates);
        var kept = Kept(spec, source);

        // Rewritten bars are new material: the form would restate the very bars being replaced.
        var restates = spec.Regenerate is null ? plan.Restates : null;
        var decoded = new ConstrainedDecoder(model).Decode(
            plan.Bars, new SamplingOptions(spec.Temperature, spec.TopP), seed, restates, spec.Chords?.AtHome(spec.Key), kept);
        var home = spec.Key.Home;
        var sheet = new LeadSheet(spec.TimeSignature, home, spec.Tempo, decoded.Written)
            .TransposeTo(spec.Key, spec.Key.TranspositionFromHome);
        return new GeneratedSheet(
            variation, seed, model.Name, sheet, plan.Bars, LeadSheetAnalyzer.Analyze(sheet),
            decoded.Tokens.Tokens.Count - 1, decoded.Interventions, decoded.MaskedProbability)
        {
            Restates = restates ?? new int?[spec.Bars],
            Template = plan.Template,
            Forced = decoded.Forced,
            Progression = spec.Chords is { } chords ? ProgressionCheck.Compare(chords, sheet) : [],
        };
    }

    private static KeptBars? Kept(GenerationSpec spec, LeadSheet? source)
    {
        if (spec.Primer is { } primer)
        {
            return KeptBars.Opening(primer.HomeMeasures, spec.Bars);
        }

        if (spec.Regenerate is not { } rewrite)
        {
            return null;
        }

        if (source is null || source.Measures.Count != spec.Bars || source.TimeSignature != spec.TimeSignature || source.Key.Mode != spec.Key.Mode)
        {
            throw new ArgumentException(
                $"Regenerating bars {rewrite.Bars} takes a {spec.Bars}-bar {spec.TimeSignature} sheet in a {spec.Key.Mode.ToString().ToLowerInvariant()} key.", nameof(source));
        }

        var home = source.TransposeTo(source.Key.Home, -source.Key.TranspositionFromHome);
        return KeptBars.Around(home.Measures, rewrite.Bars);
    }
}

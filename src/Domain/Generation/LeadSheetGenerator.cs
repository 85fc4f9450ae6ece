using SithSynth.Domain.Analysis;
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

    public static GeneratedSheet Generate(GenerationSpec spec, INextTokenModel model, int variation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(variation);
        var seed = VariationSeed(spec, variation);
        var plan = ConditionPlanner.Draw(spec, seed, model.PlanTemplates);
        var decoded = new ConstrainedDecoder(model).Decode(
            plan.Bars, new SamplingOptions(spec.Temperature, spec.TopP), seed, plan.Restates, spec.Chords?.AtHome(spec.Key));
        var home = spec.Key.Home;
        var sheet = new LeadSheet(spec.TimeSignature, home, spec.Tempo, decoded.Measures)
            .TransposeTo(spec.Key, spec.Key.TranspositionFromHome);
        return new GeneratedSheet(
            variation, seed, model.Name, sheet, plan.Bars, LeadSheetAnalyzer.Analyze(sheet),
            decoded.Tokens.Tokens.Count - 1, decoded.Interventions, decoded.MaskedProbability)
        {
            Restates = plan.Restates,
            Template = plan.Template,
            Forced = decoded.Forced,
            Progression = spec.Chords is { } chords ? ProgressionCheck.Compare(chords, sheet) : [],
        };
    }
}

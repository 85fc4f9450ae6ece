using System.Text.Json;
using System.Text.Json.Nodes;
using SithSynth.Domain.Analysis;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// The JSON form of an evaluation, written to models/&lt;name&gt;/eval.json and into model.json's "evaluation".
/// Figures are rounded to four decimals; an infinite relative difference (held-out value zero) is written as null.
/// </summary>
public static class EvaluationReportJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static JsonObject Describe(EvaluationReport report)
    {
        var settings = report.Settings;
        var targets = report.Targets;
        var described = new
        {
            model = report.Model,
            settings = new
            {
                samplesPerCell = settings.SamplesPerCell,
                // A string, like every 64-bit seed we write: JavaScript and jq would round a large one as a number.
                seed = settings.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                bars = settings.Bars,
                tempo = settings.Tempo,
                temperature = settings.Temperature,
                key = "C",
                minorKeys = settings.Minor,
                formBars = settings.FormBars,
                threads = settings.Parallelism,
                grid = new
                {
                    valences = report.Grid.Valences,
                    densities = report.Grid.Densities.Select(DensityNames.Name),
                    timeSignatures = report.Grid.TimeSignatures.Select(t => t.ToString()),
                    cells = report.Grid.Cells.Count,
                },
            },
            validity = new
            {
                validPercent = Round(100 * Math.Min(report.GridDecoding.ValidShare, report.HeldOutDecoding?.ValidShare ?? 1)),
                grid = Decoding(report.GridDecoding),
                heldOutConditions = report.HeldOutDecoding is { } heldOut ? Decoding(heldOut) : null,
            },
            valence = new
            {
                maeBins = new { conditioned = Round(report.Conditioned.ValenceMae), baseline = Round(report.Baseline.ValenceMae), target = EvaluationTargets.ValenceMae },
                rankCorrelation = new { conditioned = Round(report.Conditioned.ValenceRankCorrelation), baseline = Round(report.Baseline.ValenceRankCorrelation), target = EvaluationTargets.ValenceRankCorrelation },
            },
            density = new
            {
                inBin = new { conditioned = Round(report.Conditioned.DensityInBin), baseline = Round(report.Baseline.DensityInBin), target = EvaluationTargets.DensityInBin },
            },
            counts = new { sheets = report.Conditioned.Sheets, bars = report.Conditioned.Bars, baselineSheets = report.Baseline.Sheets },
            listening = report.Listening.Select(f => new
            {
                name = f.Name,
                label = f.Label,
                percent = f.Percent,
                requests = Round(f.Requests),
                heldOutCurves = Round(f.Curves),
                human = Round(f.Human),
                floor = Round(f.Floor),
                target = f.Target?.Text,
                passed = f.Passed,
            }),
            valenceMaeByMeter = report.Listening.Where(f => f.Name.StartsWith("valenceMae ", StringComparison.Ordinal)).ToDictionary(f => f.Name["valenceMae ".Length..], f => Round(f.Requests)),
            densityInBinByMeter = report.Listening.Where(f => f.Name.StartsWith("densityInBin ", StringComparison.Ordinal)).ToDictionary(f => f.Name["densityInBin ".Length..], f => Round(f.Requests)),
            musicality = report.Musicality is { } musicality ? Musical(musicality) : null,
            likelihood = report.Likelihood is { } likelihood ? new
            {
                sequences = likelihood.Sequences,
                tokens = likelihood.Tokens,
                events = likelihood.Events,
                nllPerEvent = Round(likelihood.NllPerEvent),
                nllPerToken = Round(likelihood.NllPerToken),
                units = "nats",
            }
            : null,
            targets = targets.Select(t => new { name = t.Name, value = double.IsFinite(t.Value) ? Round(t.Value) : (double?)null, target = t.Text ?? (t.AtMost ? "≤ " : "≥ ") + t.Target.ToString(System.Globalization.CultureInfo.InvariantCulture), passed = t.Passed }),
            allTargetsMet = targets.All(t => t.Passed),
            notes = report.Notes,
            wallTimeSeconds = new
            {
                generation = Round(report.GenerationTime.TotalSeconds, 1),
                likelihood = Round(report.LikelihoodTime.TotalSeconds, 1),
                total = Round((report.GenerationTime + report.LikelihoodTime).TotalSeconds, 1),
            },
        };
        return JsonSerializer.SerializeToNode(described, Json)!.AsObject();
    }

    public static string ToJson(JsonObject described) => described.ToJsonString(Json);

    private static object Decoding(DecodingScore score) => new
    {
        sheets = score.Sheets,
        valid = score.Valid,
        validPercent = Round(100 * score.ValidShare),
        interventionsPerSheet = Round(score.InterventionsPerSheet),
        maskedProbabilityPerSheet = Round(score.MaskedProbabilityPerSheet),
    };

    private static object Musical(MusicalComparison musicality) => new
    {
        generatedSheets = musicality.Generated.Sheets,
        heldOutWindows = musicality.HeldOut.Sheets,
        pitchClassDistance = new
        {
            totalVariation = Round(musicality.PitchClassTotalVariation),
            jensenShannonBits = Round(musicality.PitchClassJensenShannon),
            target = EvaluationTargets.MusicalTolerance,
            passed = musicality.PitchClassTotalVariation <= EvaluationTargets.MusicalTolerance,
            generated = musicality.Generated.PitchClassHistogram.Select(v => Round(v)),
            heldOut = musicality.HeldOut.PitchClassHistogram.Select(v => Round(v)),
        },
        statistics = musicality.Statistics.Select(s => new
        {
            name = s.Name,
            generated = Round(s.Generated),
            heldOut = Round(s.HeldOut),
            relativeDifference = double.IsFinite(s.RelativeDifference) ? Round(s.RelativeDifference) : (double?)null,
            passed = s.Passed,
        }),
    };

    private static double Round(double value, int digits = 4) => Math.Round(value, digits);

    private static double? Round(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 4) : null;
}

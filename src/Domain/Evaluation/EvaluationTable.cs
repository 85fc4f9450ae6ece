using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// The Markdown tables of evaluated models for models/README.md, built from their eval.json objects, and the
/// rewrite of the marked section that holds them (everything outside the markers is left as it was).
/// </summary>
public static class EvaluationTable
{
    public const string Begin = "<!-- eval:begin -->";
    public const string End = "<!-- eval:end -->";

    public static string Markdown(IReadOnlyList<JsonObject> evaluations)
    {
        var text = new StringBuilder();
        text.AppendLine("## Evaluation");
        text.AppendLine();
        text.AppendLine("Written by `sithsynth eval`. Conditioned figures first, the random-condition baseline after the slash.");
        text.AppendLine($"Targets: valid 100%, valence MAE ≤ {EvaluationTargets.ValenceMae} bins, rank correlation ≥ {EvaluationTargets.ValenceRankCorrelation}, density in-bin ≥ {Percent(EvaluationTargets.DensityInBin)}, every musical statistic within {Percent(EvaluationTargets.MusicalTolerance)} of the held-out pieces (pitch classes: total variation ≤ {EvaluationTargets.MusicalTolerance}).");
        text.AppendLine();
        text.AppendLine("| Model | Sheets | Valid | Interventions / sheet | Valence MAE | Valence rank corr. | Density in-bin | NLL / event | NLL / token | Targets met | Time |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var e in evaluations)
        {
            var targets = e["targets"]?.AsArray() ?? [];
            text.AppendLine(Row(
                Text(e["model"]),
                Text(e["counts"]?["sheets"]),
                Text(e["validity"]?["validPercent"]) + "%",
                Number(e["validity"]?["grid"]?["interventionsPerSheet"], "0.0"),
                Pair(e["valence"]?["maeBins"], "0.00"),
                Pair(e["valence"]?["rankCorrelation"], "0.00"),
                Pair(e["density"]?["inBin"], "0%"),
                Number(e["likelihood"]?["nllPerEvent"], "0.000"),
                Number(e["likelihood"]?["nllPerToken"], "0.000"),
                $"{targets.Count(t => t?["passed"]?.GetValue<bool>() == true)}/{targets.Count}",
                Number(e["wallTimeSeconds"]?["total"], "0") + " s"));
        }

        text.AppendLine();
        text.AppendLine("Musicality: sheets written under each held-out window's conditions against those windows of the held-out pieces (generated / held-out, relative difference).");
        text.AppendLine();
        text.AppendLine("| Model | Pitch-class TV | Chord tones on strong beats | Mean interval (semitones) | Pitch range | Rest ratio | Chord changes / bar |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var e in evaluations)
        {
            if (e["musicality"] is not JsonObject musicality)
            {
                text.AppendLine(Row(Text(e["model"]), "not measured", "", "", "", "", ""));
                continue;
            }

            var statistics = musicality["statistics"]?.AsArray() ?? [];
            string Statistic(string name) => statistics.FirstOrDefault(s => Text(s?["name"]) == name) is { } s
                ? $"{Number(s["generated"], "0.00")} / {Number(s["heldOut"], "0.00")} ({Number(s["relativeDifference"], "0%")}){Mark(s["passed"])}"
                : "—";
            text.AppendLine(Row(
                Text(e["model"]),
                Number(musicality["pitchClassDistance"]?["totalVariation"], "0.000") + Mark(musicality["pitchClassDistance"]?["passed"]),
                Statistic("chordToneOnStrongBeats"),
                Statistic("meanMelodicInterval"),
                Statistic("meanPitchRange"),
                Statistic("restRatio"),
                Statistic("chordChangesPerBar")));
        }

        return text.ToString();
    }

    /// <summary>Replaces what stands between the markers, or appends the markers and the content at the end.</summary>
    public static string ReplaceSection(string readme, string content)
    {
        var section = $"{Begin}\n{content.TrimEnd('\n')}\n{End}";
        var begin = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = begin < 0 ? -1 : readme.IndexOf(End, begin, StringComparison.Ordinal);
        return begin >= 0 && end >= 0
            ? readme[..begin] + section + readme[(end + End.Length)..]
            : readme.TrimEnd('\n') + "\n\n" + section + "\n";
    }

    private static string Percent(double share) => (100 * share).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |";

    private static string Text(JsonNode? node) => node?.ToString() ?? "—";

    private static string Number(JsonNode? node, string format) =>
        node is JsonValue value && value.TryGetValue<double>(out var number) ? number.ToString(format, CultureInfo.InvariantCulture) : "—";

    private static string Pair(JsonNode? node, string format) => $"{Number(node?["conditioned"], format)} / {Number(node?["baseline"], format)}";

    private static string Mark(JsonNode? passed) => passed is JsonValue value && value.TryGetValue<bool>(out var ok) ? (ok ? " ✓" : " ✗") : "";
}

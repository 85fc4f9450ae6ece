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
        text.AppendLine("Written by `sithsynth eval`. Control figures on the user-request grid, the random-condition baseline after the slash.");
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
        text.Append(Listening(evaluations));
        return text.ToString();
    }

    /// <summary>
    /// What a musician hears, one row per figure: each model on the user-request grid (✓/✗ against the target), then
    /// under held-out curves, then the held-out human pieces and the noise floor (the same for every model).
    /// </summary>
    public static string Listening(IReadOnlyList<JsonObject> evaluations)
    {
        var measured = evaluations.Where(e => e["listening"] is JsonArray).ToList();
        var text = new StringBuilder();
        text.AppendLine("What a musician hears. User-request grid: every meter × valence −2..2 as one average × every density, C major, plus its 4/4 slice in minor keys; held-out curves: sheets written under the per-bar conditions of the 16-bar held-out windows; human: those windows (endings and key: the held-out pieces' last bars); floor: the training and validation windows against the held-out ones.");
        text.AppendLine();
        if (measured.Count == 0)
        {
            text.AppendLine("No model has listening figures yet.");
            return text.ToString();
        }

        var names = measured.Select(e => Text(e["model"])).ToList();
        text.AppendLine(Row(["Figure", "Target", .. names, .. names.Select(n => n + ", held-out curves"), "Human", "Floor"]));
        text.AppendLine(Row([.. Enumerable.Repeat("---", 4 + (2 * names.Count))]));
        var first = measured[0]["listening"]!.AsArray();
        foreach (var row in first.OfType<JsonObject>())
        {
            var name = Text(row["name"]);
            var percent = row["percent"]?.GetValue<bool>() == true;
            var rows = measured.Select(e => e["listening"]!.AsArray().OfType<JsonObject>().FirstOrDefault(r => Text(r["name"]) == name)).ToList();
            text.AppendLine(Row(
            [
                Text(row["label"]),
                Text(row["target"]).Replace("—", "", StringComparison.Ordinal),
                .. rows.Select(r => Value(r?["requests"], percent) + Mark(r?["passed"])),
                .. rows.Select(r => Value(r?["heldOutCurves"], percent)),
                Value(row["human"], percent),
                Value(row["floor"], percent),
            ]));
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

    private static string Value(JsonNode? node, bool percent) => percent
        ? (node is JsonValue v && v.TryGetValue<double>(out var share) ? (100 * share).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—")
        : Number(node, "0.00");

    private static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |";

    private static string Text(JsonNode? node) => node?.ToString() ?? "—";

    private static string Number(JsonNode? node, string format) =>
        node is JsonValue value && value.TryGetValue<double>(out var number) ? number.ToString(format, CultureInfo.InvariantCulture) : "—";

    private static string Pair(JsonNode? node, string format) => $"{Number(node?["conditioned"], format)} / {Number(node?["baseline"], format)}";

    private static string Mark(JsonNode? passed) => passed is JsonValue value && value.TryGetValue<bool>(out var ok) ? (ok ? " ✓" : " ✗") : "";
}

using System.Text.Json.Nodes;
using SithSynth.Domain.Evaluation;

namespace SithSynth.Domain.Tests.Evaluation;

public class EvaluationTableTests
{
    [Fact]
    public void The_marked_section_is_replaced_and_the_rest_kept()
    {
        var readme = $"# Models\nintro\n{EvaluationTable.Begin}\nold table\n{EvaluationTable.End}\ntail\n";

        var updated = EvaluationTable.ReplaceSection(readme, "new table\n");

        Assert.Equal($"# Models\nintro\n{EvaluationTable.Begin}\nnew table\n{EvaluationTable.End}\ntail\n", updated);
        Assert.Equal(updated, EvaluationTable.ReplaceSection(updated, "new table"));
    }

    [Fact]
    public void Missing_markers_are_added_at_the_end()
    {
        Assert.Equal($"# Models\n\n{EvaluationTable.Begin}\ntable\n{EvaluationTable.End}\n", EvaluationTable.ReplaceSection("# Models\n", "table"));
    }

    [Fact]
    public void Each_model_gets_a_row_with_conditioned_and_baseline_figures()
    {
        var evaluation = JsonNode.Parse("""
            {
              "model": "lstm",
              "counts": { "sheets": 270 },
              "validity": { "validPercent": 100, "grid": { "interventionsPerSheet": 1.25 } },
              "valence": { "maeBins": { "conditioned": 0.41, "baseline": 1.3 }, "rankCorrelation": { "conditioned": 0.9, "baseline": 0.05 } },
              "density": { "inBin": { "conditioned": 0.8, "baseline": 0.34 } },
              "likelihood": { "nllPerEvent": 3.21, "nllPerToken": 1.07 },
              "targets": [ { "passed": true }, { "passed": false } ],
              "wallTimeSeconds": { "total": 200.4 },
              "musicality": null
            }
            """)!.AsObject();

        var table = EvaluationTable.Markdown([evaluation]);

        Assert.Contains("| lstm | 270 | 100% | 1.3 | 0.41 / 1.30 | 0.90 / 0.05 | 80% / 34% | 3.210 | 1.070 | 1/2 | 200 s |", table, StringComparison.Ordinal);
        Assert.Contains("No model has listening figures yet.", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Listening_figures_get_a_row_each_with_every_model_its_mark_and_the_references()
    {
        static JsonObject Model(string name, double steps, bool passed) => JsonNode.Parse($$"""
            {
              "model": "{{name}}",
              "listening": [
                { "name": "steps", "label": "steps (1–2 semitones)", "percent": true, "requests": {{steps}}, "heldOutCurves": 0.4, "human": 0.51, "floor": 0.5, "target": "≥ 45%", "passed": {{(passed ? "true" : "false")}} },
                { "name": "diversity", "label": "diversity", "percent": false, "requests": 0.98, "heldOutCurves": null, "human": null, "floor": null, "target": null, "passed": null }
              ]
            }
            """)!.AsObject();

        var table = EvaluationTable.Listening([Model("lstm", 0.32, false), Model("transformer", 0.455, true)]);

        Assert.Contains("| Figure | Target | lstm | transformer | lstm, held-out curves | transformer, held-out curves | Human | Floor |", table, StringComparison.Ordinal);
        Assert.Contains("| steps (1–2 semitones) | ≥ 45% | 32% ✗ | 45.5% ✓ | 40% | 40% | 51% | 50% |", table, StringComparison.Ordinal);
        Assert.Contains("| diversity |  | 0.98 | 0.98 | — | — | — | — |", table, StringComparison.Ordinal);
    }
}

using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Evaluation;
using SithSynth.Domain.Music;
using SithSynth.Domain.Tests.Decoding;

namespace SithSynth.Domain.Tests.Evaluation;

public class ModelEvaluatorTests
{
    private static readonly TimeSignature[] Meters = [TimeSignature.Common, TimeSignature.Parse("6/8")];

    [Fact]
    public void A_random_model_yields_valid_sheets_and_a_consistent_report()
    {
        var model = new StandInModel(Scoring.Random, 7);
        var heldOut = HeldOutSheets.Create(model.Tokens);
        var settings = new EvaluationSettings(SamplesPerCell: 2, Seed: 11, Bars: 8, Parallelism: 2);

        var report = ModelEvaluator.Evaluate(model, Meters, heldOut, settings);

        var sheets = 5 * 3 * Meters.Length * 2;
        Assert.Equal(sheets, report.GridDecoding.Sheets);
        Assert.Equal(1, report.GridDecoding.ValidShare);
        Assert.Equal(heldOut.Sequences.Count, report.HeldOutDecoding!.Sheets);
        Assert.Equal(1, report.HeldOutDecoding.ValidShare);
        Assert.True(report.GridDecoding.InterventionsPerSheet > 0);
        Assert.Equal(sheets, report.Conditioned.Sheets);
        Assert.Equal(sheets * 8, report.Conditioned.Bars);
        Assert.Equal(sheets * 8, report.Baseline.Bars);
        Assert.InRange(report.Conditioned.ValenceMae, 0, 4);
        Assert.InRange(report.Conditioned.DensityInBin, 0, 1);
        Assert.InRange(report.Conditioned.ValenceRankCorrelation, -1, 1);
        Assert.Equal(heldOut.Sequences.Count, report.Musicality!.Generated.Sheets);
        Assert.Equal(heldOut.Sequences.Count, report.Musicality.HeldOut.Sheets);
        Assert.Equal(heldOut.Sequences.Sum(s => s.Tokens.Tokens.Count - 1), report.Likelihood!.Tokens);
        Assert.Equal(4 + 1 + report.Musicality.Statistics.Count, report.Targets.Count);
        Assert.True(report.Targets.Single(t => t.Name == "validShare").Passed);

        var json = EvaluationReportJson.Describe(report);
        Assert.Equal(report.Targets.Count, json["targets"]!.AsArray().Count);
        Assert.Equal(sheets, json["counts"]!["sheets"]!.GetValue<int>());
        Assert.Equal(100, json["validity"]!["validPercent"]!.GetValue<double>());
    }

    [Fact]
    public void The_figures_depend_on_the_seed_and_not_on_the_thread_count()
    {
        var model = new StandInModel(Scoring.Random, 3);
        var one = ModelEvaluator.Evaluate(model, [TimeSignature.Common], HeldOutSet.Empty, new EvaluationSettings(1, 5, Bars: 8, Parallelism: 1));
        var two = ModelEvaluator.Evaluate(model, [TimeSignature.Common], HeldOutSet.Empty, new EvaluationSettings(1, 5, Bars: 8, Parallelism: 2));

        Assert.Equal(one.Conditioned, two.Conditioned);
        Assert.Equal(one.Baseline, two.Baseline);
        Assert.Equal(one.GridDecoding, two.GridDecoding);
        Assert.Null(one.Musicality);
        Assert.Null(one.Likelihood);
    }

    [Fact]
    public void Conditioning_beats_the_baseline_when_the_model_follows_its_conditions()
    {
        var report = ModelEvaluator.Evaluate(new ValenceFollowingModel(), [TimeSignature.Common], HeldOutSet.Empty, new EvaluationSettings(1, 9, Bars: 8, Parallelism: 2));

        Assert.True(report.Conditioned.ValenceMae < 0.1, $"conditioned MAE {report.Conditioned.ValenceMae}");
        Assert.True(report.Conditioned.ValenceRankCorrelation > 0.95, $"conditioned rank {report.Conditioned.ValenceRankCorrelation}");
        Assert.True(report.Baseline.ValenceMae > 1, $"baseline MAE {report.Baseline.ValenceMae}");
        Assert.True(report.Baseline.ValenceRankCorrelation < 0.5, $"baseline rank {report.Baseline.ValenceRankCorrelation}");
        Assert.True(report.Targets.Single(t => t.Name == "valenceMae").Passed);
    }

    [Fact]
    public void A_cell_asks_every_bar_for_its_values_and_the_baseline_for_random_ones()
    {
        var settings = new EvaluationSettings(1, 1);
        var spec = ModelEvaluator.CellSpec("m", new EvaluationCell(-1, Density.High, TimeSignature.Common), settings, 42);
        Assert.All(ConditionPlanner.Plan(spec, 42), bar => Assert.Equal((-1, Density.High), (bar.Valence, bar.Density)));

        var baseline = ModelEvaluator.RandomConditions(spec, 42);
        var plan = ConditionPlanner.Plan(baseline, 42);
        Assert.Equal(spec.Bars, plan.Count);
        Assert.All(plan, bar => Assert.InRange(bar.Valence, -2, 2));
        Assert.True(plan.Select(b => b.Valence).Distinct().Count() > 2);
        Assert.True(plan.Select(b => b.Density).Distinct().Count() > 1);
        Assert.Equal(spec.Seed, baseline.Seed);
    }
}

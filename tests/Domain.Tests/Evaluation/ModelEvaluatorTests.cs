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
        Assert.Equal(5 * 3 * Meters.Length * 8, report.Baseline.Bars);
        Assert.InRange(report.Conditioned.ValenceMae, 0, 4);
        Assert.InRange(report.Conditioned.DensityInBin, 0, 1);
        Assert.InRange(report.Conditioned.ValenceRankCorrelation, -1, 1);
        Assert.Equal(heldOut.Sequences.Count, report.Musicality!.Generated.Sheets);
        Assert.Equal(heldOut.Sequences.Count, report.Musicality.HeldOut.Sheets);
        Assert.Equal(heldOut.Sequences.Sum(s => s.Tokens.Tokens.Count - 1), report.Likelihood!.Tokens);
        Assert.True(report.Targets.Single(t => t.Name == "validShare").Passed);
        Assert.Contains(report.Targets, t => t.Name == "valenceMae 6/8");
        Assert.Contains(report.Targets, t => t.Name == "lastChordTonic");
        Assert.All(report.Listening.Where(f => f.Target is not null && f.Requests is not null && !f.Target.RelativeToHuman), f => Assert.NotNull(f.Passed));

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
        Assert.True(report.Targets.Single(t => t.Name == "valenceMae 4/4").Passed);
    }

    [Fact]
    public void A_model_deaf_to_the_mode_mostly_writes_the_same_melody_for_a_minor_request_and_the_figure_says_so()
    {
        // The decoder's minor rules change chords (i to open, i or V at phrase ends, E for Em) and, now and then, a
        // note or a rhythm (no G over E, a new event on a phrase's last beat); the melody of a deaf model mostly stays.
        var model = new StandInModel(Scoring.Random, 5);
        var settings = new EvaluationSettings(2, 3, Bars: 8, Parallelism: 2, MinorKeys: ["Am", "Em"], FormBars: 16);

        var report = ModelEvaluator.Evaluate(model, [TimeSignature.Common], HeldOutSet.Empty, settings);

        var differs = report.Listening.Single(f => f.Name == "minorDiffersFromMajor");
        Assert.InRange(differs.Requests!.Value, 0, 0.5);
        Assert.False(differs.Passed);
        Assert.NotNull(report.Listening.Single(f => f.Name == "minorLastChordTonic").Requests);
        Assert.NotNull(report.Listening.Single(f => f.Name == "form32SecondPhrase").Requests);
    }

    [Fact]
    public void Held_out_windows_and_the_corpus_fill_the_human_and_floor_columns()
    {
        var model = new StandInModel(Scoring.Random, 5);
        var heldOut = HeldOutSheets.Create(model.Tokens);
        var settings = new EvaluationSettings(1, 3, Bars: 3, Parallelism: 2, FormBars: 0);
        var references = new ListeningReferences(heldOut.Sequences, heldOut.Sequences, []);

        var report = ModelEvaluator.Evaluate(model, [TimeSignature.Common], heldOut, settings, null, references);

        // The one three-bar window is the human set and the floor; measured against itself it is copied whole.
        var steps = report.Listening.Single(f => f.Name == "steps");
        Assert.Equal(steps.Human, steps.Floor);
        Assert.Equal(0, report.Listening.Single(f => f.Name == "intervalDistance").Floor);
        var copies = report.Listening.Single(f => f.Name == "copiedNotes");
        Assert.Equal(MelodyLine.Of(MusicalStatisticsTests.Sheets[0]).Count, copies.Human);
        Assert.NotNull(copies.Requests);
        Assert.Null(report.Listening.Single(f => f.Name == "lastChordTonic").Human);
        Assert.DoesNotContain(report.Listening, f => f.Name == "form32SecondPhrase");
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

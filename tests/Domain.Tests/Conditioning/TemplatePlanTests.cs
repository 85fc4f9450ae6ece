using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Music;
using SithSynth.Domain.Randomness;
using SithSynth.Domain.Requests;

namespace SithSynth.Domain.Tests.Conditioning;

public class TemplatePlanTests
{
    private static readonly TimeSignature Waltz = TimeSignature.Parse("3/4");

    // Forty 32-bar curves of varied shapes and averages, in 4/4 major, and one 16-bar 3/4 minor curve.
    private static readonly PlanTemplates Templates = new(
    [
        .. Enumerable.Range(0, 40).Select(i => Curve($"piece-{i}", TimeSignature.Common, KeyMode.Major, 32, (ulong)i)),
        new PlanTemplate("minor-waltz", 1, Waltz, KeyMode.Minor, [.. Enumerable.Repeat(-1, 16)], [.. Enumerable.Repeat(Density.High, 16)]),
    ]);

    private static PlanTemplate Curve(string piece, TimeSignature meter, KeyMode mode, int bars, ulong seed)
    {
        var random = new SeededRandom(seed);
        var level = random.NextInt(5) - 2;
        return new PlanTemplate(
            piece, 1 + random.NextInt(20), meter, mode,
            [.. Enumerable.Range(0, bars).Select(_ => Math.Clamp(level + random.NextInt(3) - 1, -2, 2))],
            [.. Enumerable.Range(0, bars).Select(_ => (Density)random.NextInt(3))]);
    }

    private static GenerationSpec Spec(int bars, double valence = 0, Density density = Density.Med, string form = "through", string key = "C", TimeSignature? meter = null)
    {
        Assert.True(SongForm.TryParse(form, bars, out var songForm, out var problem), problem);
        return new GenerationSpec("lstm", 1, null, meter ?? TimeSignature.Common, bars, valence, null, density, null, Key.Parse(key), 100, 1, 1, songForm);
    }

    [Fact]
    public void The_same_seed_draws_the_same_plan_and_seeds_draw_different_pieces()
    {
        var spec = Spec(16, valence: 0);
        var first = ConditionPlanner.Draw(spec, 7, Templates);
        var again = ConditionPlanner.Draw(spec, 7, Templates);

        Assert.Equal(first.Bars, again.Bars);
        Assert.Equal(first.Template, again.Template);
        var pieces = Enumerable.Range(0, 30).Select(s => ConditionPlanner.Draw(spec, (ulong)s, Templates).Template!.Piece).Distinct().Count();
        Assert.True(pieces >= 3, $"30 seeds drew only {pieces} templates");
    }

    [Theory]
    [InlineData(16, 0.5, "through")]
    [InlineData(16, -1.3, "AA′")]
    [InlineData(24, 1.7, "ABA")]
    [InlineData(32, 0.1, "AABA")]
    [InlineData(32, -0.6, "ABAB")]
    [InlineData(13, 2, "through")]
    [InlineData(16, -2, "AA′")]
    [InlineData(40, 0.3, "AABAA′")]
    public void An_average_valence_is_kept_to_half_a_step_of_its_most_repeated_bar(int bars, double average, string form)
    {
        var spec = Spec(bars, valence: average, form: form);
        // A bar the form restates twice moves the sum by three at a time (AABA), so the mean can miss by 3/(2N).
        var sounds = spec.Form!.SourceBars(bars).Where(s => s is not null).GroupBy(s => s).Select(g => g.Count() + 1).DefaultIfEmpty(1).Max();
        var tolerance = sounds / (2.0 * bars);
        for (ulong seed = 0; seed < 50; seed++)
        {
            var plan = ConditionPlanner.Draw(spec, seed, Templates);
            Assert.NotNull(plan.Template);
            Assert.InRange(plan.Bars.Average(b => b.Valence) - average, -tolerance - 1e-9, tolerance + 1e-9);
            Assert.All(plan.Bars, b => Assert.InRange(b.Valence, -2, 2));
        }
    }

    [Theory]
    [InlineData(Density.Low)]
    [InlineData(Density.Med)]
    [InlineData(Density.High)]
    public void One_density_is_kept_as_the_mean_of_the_curve(Density density)
    {
        for (ulong seed = 0; seed < 20; seed++)
        {
            var plan = ConditionPlanner.Draw(Spec(16, density: density), seed, Templates);
            Assert.Equal((double)(int)density, plan.Bars.Average(b => (int)b.Density), 1e-9);
        }
    }

    [Fact]
    public void A_template_shapes_the_density_around_the_request_and_the_valence_holds_it()
    {
        // A sad, busy piece whose density dips and peaks around its mean; the request is neutral and sparse.
        var piece = new PlanTemplate(
            "shaped", 1, TimeSignature.Common, KeyMode.Major,
            [-2, -1, -2, 0, -2, -2, -1, -2, -2, -1, -2, 0, -2, -2, -1, -2],
            [.. "mmmlmmmhmmmlmmmh".Select(c => (Density)"lmh".IndexOf(c, StringComparison.Ordinal))]);
        var templates = new PlanTemplates([piece]);

        var medium = ConditionPlanner.Draw(Spec(16, valence: 0, density: Density.Med), 1, templates);
        var low = ConditionPlanner.Draw(Spec(16, valence: 0, density: Density.Low), 1, templates);

        Assert.All(medium.Bars, b => Assert.Equal(0, b.Valence));
        Assert.Equal("mmmlmmmhmmmlmmmh", PlanTemplates.DensityText(medium.Bars.Select(b => b.Density)));
        // Centred on low, the dips have nowhere to go and the peaks are nudged back until the mean is low again.
        Assert.Equal(0.0, low.Bars.Average(b => (int)b.Density), 1e-9);
    }

    [Fact]
    public void A_curve_the_request_gives_is_kept_exactly_and_the_other_is_drawn()
    {
        int[] valence = [2, -2, 2, -2, 1, 1, 0, 0, 2, -2, 2, -2, 1, 1, 0, -1];
        var spec = Spec(16, form: "AA′") with { AverageValence = null, ValencePerBar = valence };

        var plan = ConditionPlanner.Draw(spec, 4, Templates);

        Assert.Equal(valence, plan.Bars.Select(b => b.Valence));
        Assert.NotNull(plan.Template);
        Assert.Equal(1.0, plan.Bars.Average(b => (int)b.Density), 1e-9);
    }

    [Fact]
    public void With_no_valence_asked_the_plan_takes_a_songs_curve_whole_and_restatements_follow_it()
    {
        var piece = new PlanTemplate(
            "song", 1, TimeSignature.Common, KeyMode.Major,
            [2, 2, 0, 2, 2, -1, 0, 2, 2, 2, 0, 2, 2, 1, 0, 2],
            [.. Enumerable.Repeat(Density.Med, 16)]);
        var spec = Spec(16, form: "AA′") with { AverageValence = null };

        var plan = ConditionPlanner.Draw(spec, 3, new PlanTemplates([piece]));

        // Bars 9–15 restate 1–7 (the A′ varies its cadence bar), so they take the source bars' valences.
        Assert.Equal([2, 2, 0, 2, 2, -1, 0, 2, 2, 2, 0, 2, 2, -1, 0, 2], plan.Bars.Select(b => b.Valence));
        Assert.Equal("song", plan.Template!.Piece);
    }

    [Fact]
    public void Both_curves_given_use_no_template()
    {
        var spec = Spec(8) with { AverageValence = null, ValencePerBar = [.. Enumerable.Repeat(1, 8)], UniformDensity = null, DensityPerBar = [.. Enumerable.Repeat(Density.Low, 8)] };

        var plan = ConditionPlanner.Draw(spec, 4, Templates);

        Assert.Null(plan.Template);
        Assert.All(plan.Bars, b => Assert.Equal((1, Density.Low), (b.Valence, b.Density)));
    }

    [Fact]
    public void Restated_bars_take_the_conditions_of_the_bars_they_copy()
    {
        var plan = ConditionPlanner.Draw(Spec(32, valence: 0.4, form: "AABA"), 11, Templates);

        for (var bar = 0; bar < 8; bar++)
        {
            Assert.Equal((plan.Bars[bar].Valence, plan.Bars[bar].Density), (plan.Bars[bar + 8].Valence, plan.Bars[bar + 8].Density));
            Assert.Equal((plan.Bars[bar].Valence, plan.Bars[bar].Density), (plan.Bars[bar + 24].Valence, plan.Bars[bar + 24].Density));
            Assert.Equal(bar, plan.Restates[bar + 24]);
        }
    }

    [Fact]
    public void The_template_comes_from_the_requested_meter_and_mode_and_is_reported()
    {
        var plan = ConditionPlanner.Draw(Spec(16, valence: -1, density: Density.High, key: "Em", meter: Waltz), 2, Templates);

        Assert.Equal(new TemplateChoice("minor-waltz", 1, 16), plan.Template);
        Assert.All(plan.Bars, b => Assert.Equal(KeyMode.Minor, b.Mode));
    }

    [Fact]
    public void A_meter_without_templates_keeps_the_phrase_planner()
    {
        var spec = Spec(24, valence: -1, meter: TimeSignature.Parse("6/8"), form: "ABA");
        var plan = ConditionPlanner.Draw(spec, 5, Templates);

        Assert.Null(plan.Template);
        Assert.All(plan.Bars, b => Assert.Equal(-1, b.Valence));
    }

    [Fact]
    public void A_sheet_longer_than_every_window_repeats_the_longest_from_its_start()
    {
        var spec = Spec(24, valence: -1, density: Density.High, key: "Am", meter: Waltz, form: "ABA");
        var plan = ConditionPlanner.Draw(spec, 5, Templates);

        Assert.Equal(new TemplateChoice("minor-waltz", 1, 16), plan.Template);
        Assert.All(plan.Bars, b => Assert.Equal((-1, Density.High), (b.Valence, b.Density)));
    }

    [Fact]
    public void Templates_round_trip_through_plans_json()
    {
        using var stream = new MemoryStream();
        Templates.Write(stream, "test");

        Assert.True(PlanTemplates.TryRead(stream.ToArray(), out var read, out var problem), problem);
        Assert.Equal(Templates.Templates.Count, read.Templates.Count);
        for (var i = 0; i < read.Templates.Count; i++)
        {
            var (expected, actual) = (Templates.Templates[i], read.Templates[i]);
            Assert.Equal((expected.Piece, expected.FirstBar, expected.TimeSignature, expected.Mode), (actual.Piece, actual.FirstBar, actual.TimeSignature, actual.Mode));
            Assert.Equal(expected.Valence, actual.Valence);
            Assert.Equal(expected.Density, actual.Density);
        }
    }

    [Theory]
    [InlineData("{", "plans.json is not valid JSON")]
    [InlineData("""{"formatVersion":2,"templates":[]}""", "plans.json must have formatVersion 1")]
    [InlineData("""{"formatVersion":1,"templates":[{"piece":"p","timeSignature":"4/4","mode":"major","valence":[0,3],"density":"mm"}]}""", "plans.json: template 0 needs")]
    [InlineData("""{"formatVersion":1,"templates":[{"piece":"p","timeSignature":"4/4","mode":"major","valence":[0,1],"density":"m"}]}""", "plans.json: template 0 needs")]
    public void A_broken_plans_file_is_refused_with_a_reason(string json, string start)
    {
        Assert.False(PlanTemplates.TryRead(System.Text.Encoding.UTF8.GetBytes(json), out _, out var problem));
        Assert.StartsWith(start, problem, StringComparison.Ordinal);
    }
}

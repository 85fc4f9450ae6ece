using System.Text.Json;
using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Decoding;
using SithSynth.Domain.Generation;
using SithSynth.Domain.Music;
using SithSynth.Domain.Requests;
using SithSynth.Domain.Tests.Decoding;

namespace SithSynth.Domain.Tests.Generation;

public class LeadSheetGeneratorTests
{
    private static GenerationSpec Spec(string key, ulong seed = 7, int variations = 3) => new(
        "stand-in", 1.0, null, TimeSignature.Parse("6/8"), 12, 1, null, Density.Med, null, Key.Parse(key), 72, seed, variations);

    [Fact]
    public void Rendering_the_same_spec_twice_gives_identical_bytes_for_every_file()
    {
        var model = new StandInModel(Scoring.Random, 3);
        for (var variation = 0; variation < 3; variation++)
        {
            var first = SheetFiles.Render(Spec("Eb"), LeadSheetGenerator.Generate(Spec("Eb"), model, variation));
            var second = SheetFiles.Render(Spec("Eb"), LeadSheetGenerator.Generate(Spec("Eb"), model, variation));

            Assert.Equal(first.Midi, second.Midi);
            Assert.Equal(first.MusicXml, second.MusicXml);
            Assert.Equal(first.Report, second.Report);
        }
    }

    [Fact]
    public void Variations_differ_and_each_can_be_regenerated_alone()
    {
        var model = new StandInModel(Scoring.Random, 3);
        var spec = Spec("C");

        var seeds = Enumerable.Range(0, 3).Select(v => LeadSheetGenerator.Generate(spec, model, v).Seed).ToList();

        Assert.Equal(3, seeds.Distinct().Count());
        Assert.Equal(seeds[2], LeadSheetGenerator.Generate(spec with { Variations = 8 }, model, 2).Seed);
    }

    [Theory]
    [InlineData("C", 0)]
    [InlineData("Eb", 3)]
    [InlineData("A", -3)]
    [InlineData("Am", 0)]
    [InlineData("F#m", -3)]
    public void The_home_key_sheet_is_moved_into_the_requested_key(string key, int semitones)
    {
        var model = new StandInModel(Scoring.Random, 4);
        var spec = Spec(key);
        var seed = LeadSheetGenerator.VariationSeed(spec, 0);
        var home = new ConstrainedDecoder(model).Decode(
            SithSynth.Domain.Conditioning.ConditionPlanner.Plan(spec, seed), new SamplingOptions(), seed);

        var sheet = LeadSheetGenerator.Generate(spec, model, 0).Sheet;

        Assert.Equal(key, sheet.Key.ToString());
        Assert.Equal(home.Written.SelectMany(m => m.Events).Select(e => e.Pitch + semitones), sheet.Events.Select(e => e.Pitch));
        Assert.Equal(
            home.Written.SelectMany(m => m.Events).Select(e => e.Chord.Transpose(semitones).ToString()),
            sheet.Events.Select(e => e.Chord.ToString()));
    }

    [Fact]
    public void The_report_names_the_seeds_the_plan_and_the_measured_bars()
    {
        var spec = Spec("Bb", seed: ulong.MaxValue, variations: 1);
        var sheet = LeadSheetGenerator.Generate(spec, new StandInModel(Scoring.Random, 1), 0);

        using var report = JsonDocument.Parse(SheetFiles.Render(spec, sheet).Report);

        Assert.Equal("18446744073709551615", report.RootElement.GetProperty("requestSeed").GetString());
        Assert.Equal(sheet.Seed, ulong.Parse(report.RootElement.GetProperty("variationSeed").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(12, report.RootElement.GetProperty("plan").GetArrayLength());
        Assert.Equal(12, report.RootElement.GetProperty("analysis").GetProperty("bars").GetArrayLength());
        Assert.Equal("Bb", report.RootElement.GetProperty("request").GetProperty("key").GetString());
    }

    [Fact]
    public void A_model_with_templates_plans_from_them_restates_its_form_and_the_report_says_both()
    {
        var templates = new PlanTemplates([new PlanTemplate("Some/Song", 9, TimeSignature.Common, KeyMode.Major, [.. Enumerable.Repeat(1, 16)], [.. Enumerable.Repeat(Density.High, 16)])]);
        Assert.True(SongForm.TryParse("AA'", 16, out var form, out _));
        var spec = new GenerationSpec("stand-in", 1.0, null, TimeSignature.Common, 16, 1, null, Density.High, null, Key.CMajor, 100, 3, 1, form);

        var sheet = LeadSheetGenerator.Generate(spec, new TemplatedModel(new StandInModel(Scoring.Random, 2), templates), 0);

        Assert.Equal(new TemplateChoice("Some/Song", 9, 16), sheet.Template);
        Assert.All(Enumerable.Range(0, 6), bar => Assert.Equal(sheet.Sheet.Measures[bar].Events, sheet.Sheet.Measures[bar + 8].Events));
        using var report = JsonDocument.Parse(SheetFiles.Render(spec, sheet).Report);
        Assert.Equal("AA′", report.RootElement.GetProperty("request").GetProperty("form").GetString());
        var template = report.RootElement.GetProperty("template");
        Assert.Equal(("Some/Song", 9, 24), (template.GetProperty("piece").GetString(), template.GetProperty("firstBar").GetInt32(), template.GetProperty("lastBar").GetInt32()));
        Assert.Equal(1, report.RootElement.GetProperty("plan")[8].GetProperty("restates").GetInt32());
        Assert.True(report.RootElement.GetProperty("decoding").GetProperty("forced").GetInt32() > 0);
    }

    /// <summary>A stand-in model that ships plan templates, as a model folder with plans.json does.</summary>
    private sealed class TemplatedModel(StandInModel inner, PlanTemplates templates) : SithSynth.Domain.Models.INextTokenModel
    {
        public string Name => inner.Name;

        public SithSynth.Domain.Vocabulary.TokenVocabulary Tokens => inner.Tokens;

        public int OnsetResolution => inner.OnsetResolution;

        public int MaxOnset => inner.MaxOnset;

        public PlanTemplates? PlanTemplates => templates;

        public SithSynth.Domain.Models.INextTokenSession Start(IReadOnlyList<BarCondition> bars) => inner.Start(bars);
    }
}

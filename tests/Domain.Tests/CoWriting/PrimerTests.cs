using SithSynth.Domain.Generation;
using SithSynth.Domain.Models;
using SithSynth.Domain.Music;
using SithSynth.Domain.Rendering;
using SithSynth.Domain.Requests;
using SithSynth.Domain.Tests.Corpus;
using static SithSynth.Domain.Tests.Corpus.MusicXmlText;

namespace SithSynth.Domain.Tests.CoWriting;

/// <summary>A primer (a lead sheet's first bars as MusicXML) is read, kept as the sheet's opening and continued.</summary>
public sealed class PrimerTests : IDisposable
{
    private readonly ModelCatalog _catalog = ModelCatalog.Load(ModelCatalog.DefaultDirectory);

    public void Dispose() => _catalog.Dispose();

    private RequestValidation Validate(GenerationRequest request) => GenerationRequestValidator.Validate(request, _catalog.Cards, () => 5);

    private static string Text(System.Xml.Linq.XDocument score) => score.ToString();

    // Four bars of a tune in G: a tie across the barline, a rest, a dotted note, two chords in a bar.
    private static readonly string TuneInG = Text(Score(
        Attributes(fifths: 1) + Harmony("G", "major") + Note("G", 4, 4) + Note("A", 4, 4) + Note("B", 4, 8, extra: TieStart),
        Harmony("E", "minor") + Note("B", 4, 4, extra: TieStop) + Note("D", 5, 6) + Note("C", 5, 2) + Rest(4),
        Harmony("A", "minor-seventh") + Note("C", 5, 8) + Harmony("D", "dominant") + Note("F", 5, 8, alter: 1),
        Harmony("G", "major") + Note("G", 5, 16)));

    [Theory]
    [InlineData("lstm", null)]
    [InlineData("transformer", null)]
    [InlineData("transformer", "Bb")]
    public void The_primer_comes_back_unchanged_as_the_first_bars(string model, string? key)
    {
        var validation = Validate(new GenerationRequest { Model = model, Primer = TuneInG, Key = key, Seed = 11 });
        Assert.True(validation.IsValid, string.Join(" ", validation.Problems.Select(p => p.Message)));
        var spec = validation.Spec!;
        Assert.Equal((16, key ?? "G", "4/4"), (spec.Bars, spec.Key.ToString(), spec.TimeSignature.ToString()));

        var sheet = LeadSheetGenerator.Generate(spec, _catalog.Model(model), 0).Sheet;

        var shift = key is null ? 0 : Key.Parse(key).TranspositionFromHome - Key.Parse("G").TranspositionFromHome;
        var bars = sheet.Measures.Take(4).ToList();
        Assert.Equal([67 + shift, 69 + shift, 71 + shift, 71 + shift, 74 + shift, 72 + shift, null, 72 + shift, 78 + shift, 79 + shift], bars.SelectMany(m => m.Events).Select(e => e.Pitch));
        Assert.Equal([false, false, false, true, false, false, false, false, false, false], bars.SelectMany(m => m.Events).Select(e => e.Tied));
        Assert.Equal(["G", "G", "G", "Em", "Em", "Em", "Em", "Am7", "D7", "G"], bars.SelectMany(m => m.Events).Select(e => e.Chord.Transpose(-shift).ToString()));
        Assert.Equal(16, sheet.Measures.Count);
        Assert.True(sheet.IsComplete);
    }

    [Fact]
    public void A_primer_read_back_from_a_generated_sheet_keeps_its_measures_byte_for_byte()
    {
        var first = Validate(new GenerationRequest { Model = "transformer", Key = "Eb", Bars = 8, Seed = 3 }).Spec!;
        var source = LeadSheetGenerator.Generate(first, _catalog.Model("transformer"), 0).Sheet;
        var primer = source with { Measures = [.. source.Measures.Take(6)] };
        var xml = System.Text.Encoding.UTF8.GetString(MusicXmlWriter.ToBytes(MusicXmlWriter.Write(primer, "primer", layout: SheetLayout.LeadSheet)));

        var spec = Validate(new GenerationRequest { Model = "transformer", Primer = xml, Bars = 12, Seed = 8 }).Spec!;
        var sheet = LeadSheetGenerator.Generate(spec, _catalog.Model("transformer"), 0).Sheet;

        var before = RegenerationTests.Measures(source, SheetLayout.LeadSheet)[0];
        var after = RegenerationTests.Measures(sheet, SheetLayout.LeadSheet)[0];
        Assert.All(Enumerable.Range(1, 5), bar => Assert.Equal(before[bar], after[bar]));
    }

    public static TheoryData<string, string, string> Refusals() => new()
    {
        { "not xml", "<score-partwise>", "not well-formed XML" },
        { "no chords", Text(Score(Attributes() + Note("C", 4, 16))), "no chord symbols" },
        { "5/4", Text(Score(Attributes(beats: 5) + Harmony("C", "major") + Note("C", 4, 20))), "is in 5/4" },
        { "pickup", Text(Score(Attributes() + Harmony("C", "major") + Note("G", 4, 4), Harmony("C", "major") + Note("C", 5, 16))), "pickup" },
        { "quintuplet", Text(Score(
            Attributes().Replace("<divisions>4</divisions>", "<divisions>5</divisions>") + Harmony("C", "major") + string.Concat(Enumerable.Repeat(Note("D", 5, 1), 5)) + Note("C", 5, 15),
            Harmony("C", "major") + Note("C", 4, 20))), "bar 1 holds a length" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_primer_the_model_cannot_write_is_refused_naming_the_field_and_what(string name, string primer, string expected)
    {
        var validation = Validate(new GenerationRequest { Model = "lstm", Primer = primer });

        Assert.False(validation.IsValid, name);
        Assert.Contains(validation.Problems, p => p.Field == "primer" && p.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_of_the_other_mode_a_meter_of_its_own_or_too_few_bars_are_refused()
    {
        var problems = Validate(new GenerationRequest { Model = "lstm", Primer = TuneInG, Key = "Em", TimeSignature = "3/4", Bars = 4 }).Problems;

        Assert.Contains(problems, p => p.Field == "key" && p.Message.Contains("major key", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "timeSignature" && p.Message.Contains("4/4", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "bars");
        Assert.Contains(
            Validate(new GenerationRequest { Primer = TuneInG, Regenerate = new RegenerateRequest { Bars = "2" } }).Problems,
            p => p.Field == "primer" && p.Message.Contains("not both", StringComparison.Ordinal));
    }
}

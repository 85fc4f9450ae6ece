using System.Text;
using SithSynth.Domain.Generation;
using SithSynth.Domain.Music;
using SithSynth.Domain.Rendering;
using SithSynth.Domain.Requests;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Pipeline.Tests.Orchestration;

public sealed class ScoreDocumentTests
{
    [Theory]
    [InlineData("C", "4/4")]
    [InlineData("F#m", "6/8")]
    [InlineData("Db", "3/4")]
    [InlineData("Ebm", "12/8")]
    public void A_score_read_back_renders_to_the_same_bytes(string key, string meter)
    {
        var request = new GenerationRequest { Key = key, TimeSignature = meter, Bars = 8, Seed = 11, Model = "transformer" };
        var spec = GenerationRequestValidator.Validate(request, ShippedModels.Catalog.Cards, () => 0).Spec!;
        var sheet = LeadSheetGenerator.Generate(spec, ShippedModels.Catalog.Model(spec.Model), 1);
        var title = SheetFiles.Title(spec, sheet);

        var read = ScoreDocument.Read(ScoreDocument.From(sheet.Sheet, title).ToJson());

        Assert.Equal(title, read.Title);
        Assert.Equal(MidiWriter.Write(sheet.Sheet, title), MidiWriter.Write(read.ToSheet(), read.Title));
        Assert.Equal(MusicXmlWriter.ToBytes(MusicXmlWriter.Write(sheet.Sheet, title)), MusicXmlWriter.ToBytes(MusicXmlWriter.Write(read.ToSheet(), read.Title)));
    }

    [Fact]
    public void A_tie_survives_the_round_trip()
    {
        var held = new MelodyEvent(ChordSymbol.Parse("G7"), 67, Duration.Parse("2")) { Tied = true };
        var sheet = new LeadSheet(TimeSignature.Parse("2/4"), Key.CMajor, 100, [new Measure([new MelodyEvent(ChordSymbol.Parse("C"), 67, Duration.Parse("2"))]), new Measure([held])]);

        var read = ScoreDocument.Read(ScoreDocument.From(sheet, "t").ToJson()).ToSheet();

        Assert.Equal([false, true], read.Events.Select(e => e.Tied));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"title":"t","timeSignature":"4/4","key":"C","tempo":100,"measures":[[{"chord":"C","pitch":60,"duration":"1"}]]}""")]
    [InlineData("""{"title":"t","timeSignature":"4/4","key":"H","tempo":100,"measures":[[{"chord":"C","pitch":60,"duration":"4"}]]}""")]
    [InlineData("""{"title":"t","timeSignature":"4/4","key":"C","tempo":100,"measures":[[{"chord":"Cxyz","pitch":60,"duration":"4"}]]}""")]
    public void A_document_that_is_not_a_complete_sheet_is_invalid_data(string text)
    {
        Assert.Throws<InvalidDataException>(() => ScoreDocument.Read(Encoding.UTF8.GetBytes(text)).ToSheet());
    }
}

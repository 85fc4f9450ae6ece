using SithSynth.Domain.Models;

namespace SithSynth.Domain.Tests.Models;

public class ModelCardTests
{
    [Fact]
    public void A_complete_card_loads_with_its_limits_and_vocabularies()
    {
        var folder = TestCards.Write(TestCards.NewRoot(), TestCards.Document("ok", maxBars: 24, meters: ["4/4", "6/8"]));

        var card = ModelCard.Load(folder);

        Assert.Equal("ok", card.Name);
        Assert.Equal(24, card.MaxBars);
        Assert.Equal(["4/4", "6/8"], card.TimeSignatures.Select(t => t.ToString()));
        Assert.Equal((0, 1, 2, 3), (card.Tokens.Pad, card.Tokens.Sos, card.Tokens.Eos, card.Tokens.Bar));
        Assert.Equal(97, card.Tokens.ChordIds.Count);
    }

    [Fact]
    public void A_broken_card_is_refused_with_every_reason()
    {
        var document = TestCards.Document("broken");
        document["formatVersion"] = 7;
        document["tokens"] = new[] { "pad", "sos", "eos", "bar", "chord:H", "note:rest", "dur:1" };
        document["conditions"] = new { timeSignatures = new[] { "5/x" }, phrasePositions = new[] { "a" }, valences = new[] { 0 }, densities = new[] { "low" } };
        var folder = TestCards.Write(TestCards.NewRoot(), document);
        File.Delete(Path.Combine(folder, "decoder.onnx"));

        var error = Assert.Throws<ModelCardException>(() => ModelCard.Load(folder));

        Assert.Contains(error.Problems, p => p.Contains("formatVersion", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("chord:H", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("'5/x'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("phrasePositions", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("decoder file", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_json_is_named_as_such()
    {
        var folder = Path.Combine(TestCards.NewRoot(), "x");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ModelCard.FileName), "{ not json");

        var error = Assert.Throws<ModelCardException>(() => ModelCard.Load(folder));
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalogue_keeps_good_cards_and_reports_refused_ones()
    {
        var root = TestCards.NewRoot();
        TestCards.Write(root, TestCards.Document("good"));
        var bad = TestCards.Document("bad");
        bad.Remove("tokens");
        TestCards.Write(root, bad);

        using var catalog = ModelCatalog.Load(root);

        Assert.Equal(["good"], catalog.Cards.Select(c => c.Name));
        Assert.Contains("tokens is missing", catalog.Refused["bad"], StringComparison.Ordinal);
    }
}

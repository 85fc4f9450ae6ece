using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Models;
using SithSynth.Domain.Music;

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
    public void A_format_2_card_hears_the_mode_and_the_final_positions_and_has_the_tie()
    {
        var card = ModelCard.Load(TestCards.Write(TestCards.NewRoot(), TestCards.Document("v2")));
        var bar = new BarCondition(TimeSignature.Common, PhrasePosition.Final2, 1, Density.High, KeyMode.Minor);

        Assert.Equal(2, card.FormatVersion);
        Assert.Equal(5, card.Conditions.Features);
        Assert.NotNull(card.Tokens.Tie);
        Assert.DoesNotContain(card.Tokens.Tie!.Value, card.Tokens.NoteIds);
        Assert.Equal([0L, 6, 3, 2, 1], card.Conditions.Encode([bar]));
        Assert.Equal(bar, card.Conditions.Decode(card.Conditions.Encode([bar])));
    }

    [Fact]
    public void A_format_1_card_keeps_four_columns_hears_final_bars_as_end_bars_and_ignores_the_mode()
    {
        var card = ModelCard.Load(TestCards.Write(TestCards.NewRoot(), TestCards.Document("v1", formatVersion: 1)));
        BarCondition Bar(PhrasePosition phrase, KeyMode mode) => new(TimeSignature.Common, phrase, 0, Density.Med, mode);

        Assert.Equal(1, card.FormatVersion);
        Assert.Equal(4, card.Conditions.Features);
        Assert.Null(card.Tokens.Tie);
        Assert.Equal(card.Conditions.Encode([Bar(PhrasePosition.End1, KeyMode.Major), Bar(PhrasePosition.End2, KeyMode.Major)]),
            card.Conditions.Encode([Bar(PhrasePosition.Final1, KeyMode.Minor), Bar(PhrasePosition.Final2, KeyMode.Minor)]));
        Assert.Equal([0L, 4, 2, 1], card.Conditions.Encode([Bar(PhrasePosition.Final2, KeyMode.Minor)]));
    }

    [Fact]
    public void An_unknown_format_version_is_refused_by_name()
    {
        var document = TestCards.Document("future");
        document["formatVersion"] = 3;

        var error = Assert.Throws<ModelCardException>(() => ModelCard.Load(TestCards.Write(TestCards.NewRoot(), document)));

        Assert.Equal("formatVersion is 3, this service reads 1 or 2", Assert.Single(error.Problems));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 1)]
    public void A_card_must_be_the_format_it_says_it_is(int says, int lists)
    {
        var document = TestCards.Document("mixed", formatVersion: lists);
        document["formatVersion"] = says;

        var error = Assert.Throws<ModelCardException>(() => ModelCard.Load(TestCards.Write(TestCards.NewRoot(), document)));

        Assert.Contains(error.Problems, p => p.Contains("modes", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("'tie'", StringComparison.Ordinal));
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

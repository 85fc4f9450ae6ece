using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Models;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Models;

public class PlanTemplateCardTests
{
    [Fact]
    public void Plans_beside_a_card_are_loaded_with_it()
    {
        var folder = TestCards.Write(TestCards.NewRoot(), TestCards.Document("planned"));
        File.WriteAllText(Path.Combine(folder, PlanTemplates.FileName), """
            {"formatVersion":1,"templates":[{"piece":"A/B","firstBar":3,"timeSignature":"3/4","mode":"minor","valence":[0,-1],"density":"lh"}]}
            """);

        var template = Assert.Single(ModelCard.Load(folder).PlanTemplates!.Templates);

        Assert.Equal(("A/B", 3, "3/4", KeyMode.Minor), (template.Piece, template.FirstBar, template.TimeSignature.ToString(), template.Mode));
        Assert.Equal([0, -1], template.Valence);
        Assert.Equal([Density.Low, Density.High], template.Density);
    }

    [Fact]
    public void A_card_without_plans_has_none() =>
        Assert.Null(ModelCard.Load(TestCards.Write(TestCards.NewRoot(), TestCards.Document("plain"))).PlanTemplates);

    [Fact]
    public void Broken_plans_keep_the_model_out_with_the_reason()
    {
        var root = TestCards.NewRoot();
        var folder = TestCards.Write(root, TestCards.Document("broken"));
        File.WriteAllText(Path.Combine(folder, PlanTemplates.FileName), """{"formatVersion":1}""");

        using var catalog = ModelCatalog.Load(root);

        Assert.Empty(catalog.Cards);
        Assert.Contains("plans.json must have formatVersion 1 and a templates list", catalog.Refused["broken"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lstm")]
    [InlineData("transformer")]
    public void The_shipped_models_ship_templates_for_every_meter_they_write(string model)
    {
        var card = ModelCard.Load(Path.Combine(RepositoryModels(), model));

        Assert.All(card.TimeSignatures, meter => Assert.Contains(card.PlanTemplates!.Templates, t => t.TimeSignature == meter && t.Bars >= 16));
    }

    private static string RepositoryModels() => Path.Combine(RepositoryRoot.Path, "models");
}

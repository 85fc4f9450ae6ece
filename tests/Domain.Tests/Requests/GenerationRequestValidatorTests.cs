using SithSynth.Domain.Analysis;
using SithSynth.Domain.Models;
using SithSynth.Domain.Requests;
using SithSynth.Domain.Tests.Models;

namespace SithSynth.Domain.Tests.Requests;

public class GenerationRequestValidatorTests
{
    private static readonly ModelCard[] Cards = CreateCards();

    private static ModelCard[] CreateCards()
    {
        var root = TestCards.NewRoot();
        return
        [
            ModelCard.Load(TestCards.Write(root, TestCards.Document("transformer"))),
            ModelCard.Load(TestCards.Write(root, TestCards.Document("small", maxBars: 16, meters: ["4/4", "3/4"]))),
        ];
    }

    private static RequestValidation Validate(GenerationRequest request) => GenerationRequestValidator.Validate(request, Cards, () => 77);

    [Fact]
    public void An_empty_request_takes_every_default_and_a_fresh_seed()
    {
        var spec = Validate(new GenerationRequest()).Spec!;

        Assert.Equal(("transformer", 1.0, "4/4", 16, 100, 1, "C"), (spec.Model, spec.Temperature, spec.TimeSignature.ToString(), spec.Bars, spec.Tempo, spec.Variations, spec.Key.ToString()));
        Assert.Null(spec.AverageValence);
        Assert.Null(spec.ValencePerBar);
        Assert.Equal(Density.Med, spec.UniformDensity);
        Assert.Equal(77UL, spec.Seed);
    }

    [Fact]
    public void A_given_seed_is_kept_and_no_new_one_is_drawn()
    {
        var spec = GenerationRequestValidator.Validate(new GenerationRequest { Seed = ulong.MaxValue }, Cards, () => throw new InvalidOperationException()).Spec!;
        Assert.Equal(ulong.MaxValue, spec.Seed);
    }

    [Theory]
    [InlineData("temperature", 0.5, true)]
    [InlineData("temperature", 1.5, true)]
    [InlineData("temperature", 0.49, false)]
    [InlineData("temperature", 1.51, false)]
    [InlineData("temperature", double.NaN, false)]
    [InlineData("bars", 8, true)]
    [InlineData("bars", 40, true)]
    [InlineData("bars", 7, false)]
    [InlineData("bars", 41, false)]
    [InlineData("tempo", 30, true)]
    [InlineData("tempo", 300, true)]
    [InlineData("tempo", 29, false)]
    [InlineData("tempo", 301, false)]
    [InlineData("variations", 1, true)]
    [InlineData("variations", 8, true)]
    [InlineData("variations", 0, false)]
    [InlineData("variations", 9, false)]
    [InlineData("topP", 1, true)]
    [InlineData("topP", 0, false)]
    [InlineData("valence", 2, true)]
    [InlineData("valence", -2, true)]
    [InlineData("valence", 0.5, true)]
    [InlineData("valence", 2.1, false)]
    public void Numeric_fields_accept_their_bounds_and_refuse_beyond(string field, double value, bool valid)
    {
        var request = field switch
        {
            "temperature" => new GenerationRequest { Temperature = value },
            "bars" => new GenerationRequest { Bars = (int)value },
            "tempo" => new GenerationRequest { Tempo = (int)value },
            "variations" => new GenerationRequest { Variations = (int)value },
            "topP" => new GenerationRequest { TopP = value },
            _ => new GenerationRequest { Valence = [value] },
        };

        var result = Validate(request);

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal(field, Assert.Single(result.Problems).Field);
        }
    }

    [Theory]
    [InlineData("4/4", true)]
    [InlineData("12/8", true)]
    [InlineData("5/4", false)]
    [InlineData("four", false)]
    public void Time_signatures_come_from_the_model_card(string meter, bool valid) =>
        Assert.Equal(valid, Validate(new GenerationRequest { TimeSignature = meter }).IsValid);

    [Fact]
    public void A_smaller_model_card_narrows_meters_and_bars()
    {
        var result = Validate(new GenerationRequest { Model = "small", TimeSignature = "6/8", Bars = 24 });

        Assert.Equal(["bars", "timeSignature"], result.Problems.Select(p => p.Field).Order());
        Assert.Contains("between 8 and 16", result.Problems.Single(p => p.Field == "bars").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Per_bar_curves_must_match_the_bar_count_and_hold_whole_numbers()
    {
        Assert.True(Validate(new GenerationRequest { Bars = 8, Valence = [-2, -1, 0, 1, 2, 1, 0, -1] }).IsValid);
        Assert.Equal("valence", Assert.Single(Validate(new GenerationRequest { Bars = 8, Valence = [1, 2] }).Problems).Field);
        Assert.Equal("valence", Assert.Single(Validate(new GenerationRequest { Bars = 8, Valence = [0.5, 0, 0, 0, 0, 0, 0, 0] }).Problems).Field);
        Assert.Equal("valence", Assert.Single(Validate(new GenerationRequest { Valence = [] }).Problems).Field);
    }

    [Fact]
    public void Densities_are_named_once_or_per_bar()
    {
        var perBar = Validate(new GenerationRequest { Bars = 8, Density = ["low", "med", "high", "low", "med", "high", "low", "high"] }).Spec!;
        Assert.Equal(Density.High, perBar.DensityPerBar![2]);
        Assert.Equal(Density.High, Validate(new GenerationRequest { Density = ["high"] }).Spec!.UniformDensity);
        Assert.Equal("density", Assert.Single(Validate(new GenerationRequest { Density = ["loud"] }).Problems).Field);
        Assert.Equal("density", Assert.Single(Validate(new GenerationRequest { Density = ["low", "high"] }).Problems).Field);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_field_and_a_sentence()
    {
        var result = Validate(new GenerationRequest
        {
            Model = "gpt",
            Temperature = 3,
            TimeSignature = "7/9",
            Bars = 2,
            Valence = [5],
            Density = ["loud"],
            Key = "H",
            Tempo = 1000,
            Variations = 100,
            TopP = 2,
        });

        Assert.False(result.IsValid);
        Assert.Equal(
            ["bars", "density", "key", "model", "temperature", "tempo", "timeSignature", "topP", "valence", "variations"],
            result.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.All(result.Problems, p => Assert.EndsWith(".", p.Message, StringComparison.Ordinal));
        Assert.Contains("small, transformer", result.Problems.Single(p => p.Field == "model").Message, StringComparison.Ordinal);
    }
}

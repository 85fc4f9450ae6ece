using SithSynth.Domain.Generation;
using SithSynth.Domain.Requests;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Pipeline.Tests.Orchestration;

public sealed class SettledRequestTests
{
    public static TheoryData<GenerationRequest> Requests => new()
    {
        new GenerationRequest(),
        new GenerationRequest { Model = "transformer", Temperature = 0.8, TopP = 0.9, TimeSignature = "6/8", Bars = 12, Key = "F#m", Tempo = 140, Seed = ulong.MaxValue, Variations = 3 },
        new GenerationRequest { Bars = 8, Valence = [-2, -1, 0, 1, 2, 1, 0, -1], Density = ["low", "med", "high", "med", "low", "med", "high", "high"], Key = "Bb" },
        new GenerationRequest { Valence = [0.75], Density = ["high"], Seed = 7 },
        new GenerationRequest { Bars = 32, Form = "A A' B A", Seed = 3 },
        new GenerationRequest { Bars = 16, Form = "through", Seed = 3 },
        new GenerationRequest { Bars = 16, Key = "Eb", Chords = "  Eb|Cm |Ab  Bb7| - ", Seed = 5 },
        new GenerationRequest { Bars = 8, TimeSignature = "3/4", Key = "F#m", Chords = "F#m | Bm C#7 F#m", Seed = 5 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void A_settled_request_turns_back_into_the_same_spec(GenerationRequest request)
    {
        var cards = ShippedModels.Catalog.Cards;
        var spec = GenerationRequestValidator.Validate(request, cards, () => 99).Spec!;

        var settled = SettledRequest.From(spec);
        var again = SettledRequest.ToSpec(settled, cards);

        Assert.Equal(request.Seed ?? 99, again.Seed);

        // The report spells out every field of the spec, and the sheet depends on all of them.
        Assert.Equal(SheetReport.ToJson(spec, Sheet(spec)), SheetReport.ToJson(again, Sheet(again)));
    }

    [Fact]
    public void A_settled_request_that_no_longer_validates_is_a_permanent_failure()
    {
        var settled = new GenerationRequest { Model = "retired", Seed = 1 };

        var failure = Assert.Throws<InvalidDataException>(() => SettledRequest.ToSpec(settled, ShippedModels.Catalog.Cards));

        Assert.Contains("model:", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_without_a_seed_is_not_settled()
    {
        Assert.Throws<InvalidDataException>(() => SettledRequest.ToSpec(new GenerationRequest(), ShippedModels.Catalog.Cards));
    }

    private static GeneratedSheet Sheet(GenerationSpec spec) => LeadSheetGenerator.Generate(spec, ShippedModels.Catalog.Model(spec.Model), 0);
}

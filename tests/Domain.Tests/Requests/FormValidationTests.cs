using SithSynth.Domain.Models;
using SithSynth.Domain.Requests;
using SithSynth.Domain.Tests.Models;

namespace SithSynth.Domain.Tests.Requests;

public class FormValidationTests
{
    private static readonly ModelCard[] Cards = [ModelCard.Load(TestCards.Write(TestCards.NewRoot(), TestCards.Document("transformer")))];

    private static RequestValidation Validate(GenerationRequest request) => GenerationRequestValidator.Validate(request, Cards, () => 77);

    [Theory]
    [InlineData(16, "AA′")]
    [InlineData(32, "AABA")]
    [InlineData(20, "through")]
    public void Without_a_form_the_length_decides(int bars, string expected) =>
        Assert.Equal(expected, Validate(new GenerationRequest { Bars = bars }).Spec!.Form!.Text);

    [Fact]
    public void A_form_is_read_against_the_requested_bars() =>
        Assert.Equal("AA′BA", Validate(new GenerationRequest { Bars = 32, Form = "A A' B A" }).Spec!.Form!.Text);

    [Fact]
    public void A_form_with_the_wrong_number_of_phrases_is_a_form_problem()
    {
        var problem = Assert.Single(Validate(new GenerationRequest { Bars = 24, Form = "AABA" }).Problems);

        Assert.Equal("form", problem.Field);
        Assert.Equal("Form 'AABA' has 4 phrases, but 24 bars make 3 (8 + 8 + 8 bars): write 3 letters, or 'through'.", problem.Message);
    }

    [Fact]
    public void With_bars_out_of_range_only_the_bars_are_reported() =>
        Assert.Equal(["bars"], Validate(new GenerationRequest { Bars = 3, Form = "AABA" }).Problems.Select(p => p.Field));
}

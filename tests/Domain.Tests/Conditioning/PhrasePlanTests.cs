using SithSynth.Domain.Conditioning;

namespace SithSynth.Domain.Tests.Conditioning;

public class PhrasePlanTests
{
    private static string Names(IEnumerable<PhrasePosition> positions) => string.Join(' ', positions.Select(PhrasePlan.Name));

    [Fact]
    public void Only_the_last_phrase_of_a_piece_ends_on_final_positions()
    {
        Assert.Equal("start1 start2 - - - - end1 end2 start1 start2 - - - - final1 final2", Names(PhrasePlan.For(16)));
        Assert.Equal("start1 start2 - - - - end1 end2 start1 start2 - - - - end1 end2", Names(PhrasePlan.For(16, endsPiece: false)));
    }

    [Fact]
    public void A_sheet_too_short_for_a_cadence_pair_keeps_its_start()
    {
        Assert.Equal("start1 final2", Names(PhrasePlan.For(2)));
        Assert.Equal("final2", Names(PhrasePlan.For(1)));
    }

    [Theory]
    [InlineData(PhrasePosition.Final1, PhrasePosition.End1)]
    [InlineData(PhrasePosition.Final2, PhrasePosition.End2)]
    [InlineData(PhrasePosition.End2, PhrasePosition.End2)]
    [InlineData(PhrasePosition.Start1, PhrasePosition.Start1)]
    public void A_card_without_final_positions_hears_them_as_end_positions(PhrasePosition position, PhrasePosition heard) =>
        Assert.Equal(heard, PhrasePlan.WithoutFinal(position));

    [Fact]
    public void Every_position_has_a_name_that_parses_back()
    {
        foreach (var position in Enum.GetValues<PhrasePosition>())
        {
            Assert.True(PhrasePlan.TryParse(PhrasePlan.Name(position), out var parsed));
            Assert.Equal(position, parsed);
        }
    }
}

using SithSynth.Domain.Music;
using SithSynth.Domain.Progressions;

namespace SithSynth.Domain.Tests.Progressions;

public class ProgressionCheckTests
{
    private static readonly ChordSymbol F = ChordSymbol.Parse("F");
    private static readonly ChordSymbol G = ChordSymbol.Parse("G");

    private static ChordProgression Progression(string text)
    {
        var problems = new List<string>();
        return ChordProgression.Read(text, TimeSignature.Common, 2, Key.CMajor, null, "any", problems)!;
    }

    private static LeadSheet Sheet(params Measure[] measures) => new(TimeSignature.Common, Key.CMajor, 100, measures);

    [Fact]
    public void A_group_is_followed_when_only_its_chord_sounds_in_it()
    {
        var sheet = Sheet(
            new Measure([new(F, 65, Duration.Quarters(2)), new(G, 67, Duration.Quarters(1)) { Tied = false }, new(G, 67, Duration.Quarters(1)) { Tied = true }]),
            new Measure([new(G, 67, Duration.Quarters(4))]));

        var bars = ProgressionCheck.Compare(Progression("F G | _"), sheet);

        Assert.Equal(("F G", "F G", ChordSource.User, true), (bars[0].Requested, bars[0].Written, bars[0].Source, bars[0].Followed));
        Assert.Equal(("_", "G", ChordSource.Model, true), (bars[1].Requested, bars[1].Written, bars[1].Source, bars[1].Followed));
    }

    [Fact]
    public void A_chord_that_arrives_late_or_a_note_held_over_the_change_is_not_following()
    {
        var late = Sheet(new Measure([new(F, 65, Duration.Quarters(3)), new(G, 67, Duration.Quarters(1))]), new Measure([new(G, 67, Duration.Quarters(4))]));
        var other = Sheet(new Measure([new(F, 65, Duration.Quarters(2)), new(F, 67, Duration.Quarters(2))]), new Measure([new(G, 67, Duration.Quarters(4))]));

        Assert.False(ProgressionCheck.Compare(Progression("F G | G"), late)[0].Followed);
        Assert.False(ProgressionCheck.Compare(Progression("F G | G"), other)[0].Followed);
        Assert.Equal(ChordSource.Both, ProgressionCheck.Compare(Progression("F _ | G"), other)[0].Source);
    }
}

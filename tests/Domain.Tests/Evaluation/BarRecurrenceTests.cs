using SithSynth.Domain.Evaluation;
using static SithSynth.Domain.Tests.Evaluation.Sheets;

namespace SithSynth.Domain.Tests.Evaluation;

public class BarRecurrenceTests
{
    private const string A = "C:60:2 C:64:2";
    private const string B = "G7:62:1 G7:65:1 G7:67:2";
    private const string SameRhythmAsA = "F:65:2 F:69:2";
    private const string Rest = "C:r:4";

    [Fact]
    public void Bars_whose_melody_recurs_are_counted_and_rest_bars_left_out()
    {
        // A recurs (twice), B stands once, the rest bars do not count at all; chords do not matter (A under F is A).
        var sheet = Sheet(A, B, Rest, A.Replace("C:", "F:", System.StringComparison.Ordinal), Rest);

        Assert.Equal((2, 3), BarRecurrence.Recurring(sheet));
    }

    [Fact]
    public void Bars_nine_to_sixteen_are_compared_with_bar_i_minus_eight_in_melody_and_rhythm()
    {
        string[] first = [A, A, A, B, B, B, B, B];
        string[] second = [A, SameRhythmAsA, B, B, "C:60:4", B, Rest, B];
        var sheet = Sheet([.. first, .. second]);

        // Melody equal: bars 9, 12, 14, 16. Rhythm equal at those and at bar 10 (A's rhythm on other pitches).
        Assert.Equal((4, 5, 8), BarRecurrence.Restated(sheet));
        Assert.Equal((0, 0, 0), BarRecurrence.Restated(Sheet(A, A, A)));
    }

    [Fact]
    public void Rhythm_ignores_pitches_but_not_rests_or_ties()
    {
        Assert.Equal(BarRecurrence.Rhythm(Bar(A)), BarRecurrence.Rhythm(Bar(SameRhythmAsA)));
        Assert.NotEqual(BarRecurrence.Melody(Bar(A)), BarRecurrence.Melody(Bar(SameRhythmAsA)));
        Assert.NotEqual(BarRecurrence.Rhythm(Bar(A)), BarRecurrence.Rhythm(Bar("C:r:2 C:64:2")));
        Assert.NotEqual(BarRecurrence.Melody(Bar("C:60:2 C:60:2")), BarRecurrence.Melody(Bar("C:60:2 C:~60:2")));
    }

    [Fact]
    public void A_phrase_restating_the_first_one_matches_bar_for_bar()
    {
        string[] phrase = [A, B, A, B, B, A, B, A];
        string[] other = [B, A, B, A, A, B, A, B];
        string[] varied = [A, B, A, B, B, A, "C:72:4", "C:60:4"];
        var sheet = Sheet([.. phrase, .. other, .. varied, .. phrase]);

        Assert.Equal(0, BarRecurrence.PhraseMatches(sheet, 1));
        Assert.Equal(6, BarRecurrence.PhraseMatches(sheet, 2));
        Assert.Equal(8, BarRecurrence.PhraseMatches(sheet, 3));
        Assert.Equal(0, BarRecurrence.PhraseMatches(sheet, 4));
    }
}

using SithSynth.Domain.Music;
using SithSynth.Domain.Rendering;

namespace SithSynth.Domain.Tests.Rendering;

public class BeatSplitterTests
{
    [Theory]
    // A dotted eighth on the "and" of beat 1 straddles beat 2: an eighth tied to a sixteenth.
    [InlineData("4/4", "1/2", "3/4", false, "eighth@1/2 16th@1")]
    // A half note on beat 2 would hide the middle of the bar.
    [InlineData("4/4", "1", "2", false, "quarter@1 quarter@2")]
    [InlineData("4/4", "1", "3", false, "quarter@1 half@2")]
    // A dotted quarter on beat 1 (or 3), a dotted half on the downbeat and a whole note read at a glance.
    [InlineData("4/4", "0", "3/2", false, "quarter.@0")]
    [InlineData("4/4", "2", "3/2", false, "quarter.@2")]
    [InlineData("4/4", "0", "3", false, "half.@0")]
    [InlineData("4/4", "0", "5/2", false, "half@0 eighth@2")]
    // Eighth, quarter, eighth: the plain syncopation, unless the quarter would cross the middle of the bar.
    [InlineData("4/4", "1/2", "1", false, "quarter@1/2")]
    [InlineData("4/4", "3/2", "1", false, "eighth@3/2 eighth@2")]
    [InlineData("2/4", "1/2", "1", false, "quarter@1/2")]
    [InlineData("2/2", "1", "2", false, "half@1")]
    // A rest never hides a beat; only from the downbeat or the middle does one cover two beats.
    [InlineData("4/4", "1/2", "2", true, "eighth@1/2 quarter@1 eighth@2")]
    [InlineData("4/4", "1", "2", true, "quarter@1 quarter@2")]
    [InlineData("4/4", "0", "3", true, "half@0 quarter@2")]
    [InlineData("4/4", "2", "2", true, "half@2")]
    [InlineData("3/4", "0", "2", true, "half@0")]
    [InlineData("3/4", "1", "2", true, "quarter@1 quarter@2")]
    [InlineData("3/4", "1", "2", false, "half@1")]
    // 6/8 and 12/8 count dotted quarters: a note takes whole beats, never a 3/4 half or a quarter over the beat.
    [InlineData("6/8", "0", "2", false, "quarter.@0 eighth@3/2")]
    [InlineData("6/8", "1", "1", false, "eighth@1 eighth@3/2")]
    [InlineData("6/8", "1/2", "1", false, "quarter@1/2")]
    [InlineData("6/8", "0", "3", false, "half.@0")]
    [InlineData("12/8", "3/2", "3", false, "quarter.@3/2 quarter.@3")]
    [InlineData("12/8", "0", "9/2", false, "half.@0 quarter.@3")]
    [InlineData("6/8", "1/2", "5/2", true, "quarter@1/2 quarter.@3/2")]
    // Triplets keep their values.
    [InlineData("4/4", "2/3", "2/3", false, "quarter3@2/3")]
    [InlineData("2/2", "4/3", "4/3", false, "half3@4/3")]
    public void Notes_and_rests_are_cut_at_the_beats_of_their_meter(string meter, string onset, string length, bool isRest, string expected)
    {
        var pieces = BeatSplitter.Split(TimeSignature.Parse(meter), Duration.Parse(onset), Duration.Parse(length), isRest, divisions: 12);

        Assert.Equal(expected, string.Join(' ', pieces.Select(p => $"{p.Value.Type}{(p.Value.IsDotted ? "." : "")}{(p.Value.IsTriplet ? "3" : "")}@{p.Onset}")));
        Assert.Equal(Duration.Parse(length), pieces.Aggregate(Duration.Zero, (sum, p) => sum + p.Value.Length));
    }
}

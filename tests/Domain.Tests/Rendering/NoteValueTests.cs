using SithSynth.Domain.Music;
using SithSynth.Domain.Rendering;

namespace SithSynth.Domain.Tests.Rendering;

public class NoteValueTests
{
    [Theory]
    [InlineData("1/4", 4, "16th")]
    [InlineData("1/3", 3, "eighth3")]
    [InlineData("1/2", 2, "eighth")]
    [InlineData("2/3", 3, "quarter3")]
    [InlineData("3/4", 4, "eighth.")]
    [InlineData("1", 1, "quarter")]
    [InlineData("4/3", 3, "half3")]
    [InlineData("3/2", 2, "quarter.")]
    [InlineData("2", 1, "half")]
    [InlineData("3", 1, "half.")]
    [InlineData("4", 1, "whole")]
    [InlineData("6", 1, "whole.")]
    [InlineData("5/2", 2, "half eighth")]
    [InlineData("5/4", 4, "quarter 16th")]
    [InlineData("5/6", 6, "eighth eighth3")]
    [InlineData("5/3", 3, "quarter quarter3")]
    [InlineData("7/2", 2, "half quarter.")]
    public void A_length_is_written_as_the_fewest_and_plainest_tied_values(string length, long divisions, string expected)
    {
        var values = NoteValue.Split(Duration.Parse(length), divisions);

        Assert.Equal(expected, string.Join(' ', values.Select(v => v.Type + (v.IsDotted ? "." : "") + (v.IsTriplet ? "3" : ""))));
        Assert.Equal(Duration.Parse(length), values.Aggregate(Duration.Zero, (sum, v) => sum + v.Length));
    }

    [Fact]
    public void Pieces_stay_on_the_grid_of_the_divisions()
    {
        // At one division per quarter a dotted half cannot be cut into dotted quarters: 3 is a single value anyway,
        // and 7 splits into whole + dotted half, both whole numbers of quarters.
        Assert.Equal(["whole", "half"], NoteValue.Split(Duration.Quarters(7), 1).Select(v => v.Type));
    }

    [Fact]
    public void A_length_off_the_grid_or_not_writable_is_refused()
    {
        Assert.Throws<ArgumentException>(() => NoteValue.Split(new Duration(1, 3), 2));
        Assert.Throws<NotSupportedException>(() => NoteValue.Split(new Duration(1, 5), 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => NoteValue.Split(Duration.Zero, 1));
    }
}

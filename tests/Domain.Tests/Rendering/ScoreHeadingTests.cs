using SithSynth.Domain.Rendering;

namespace SithSynth.Domain.Tests.Rendering;

public class ScoreHeadingTests
{
    [Fact]
    public void A_generated_title_splits_into_a_short_title_and_its_details()
    {
        var heading = ScoreHeading.FromTitle("Lead sheet in F# minor, 6/8 (model lstm, seed 42, variation 3)");

        Assert.Equal("Lead sheet in F# minor", heading.Title);
        Assert.Equal(["model=lstm", "seed=42", "variation=3"], heading.Details.Select(d => $"{d.Key}={d.Value}"));
    }

    [Theory]
    [InlineData("Sunny tune")]
    [InlineData("Blues, in F")]
    [InlineData("Tune (draft)")]
    public void Any_other_title_is_kept_whole(string title)
    {
        var heading = ScoreHeading.FromTitle(title);

        Assert.Equal(title, heading.Title);
        Assert.Empty(heading.Details);
    }
}

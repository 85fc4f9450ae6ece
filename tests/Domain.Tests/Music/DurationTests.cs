using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Music;

public class DurationTests
{
    [Fact]
    public void Triplets_add_up_exactly()
    {
        var third = Duration.Parse("1/3");
        Assert.Equal(Duration.Quarters(1), third + third + third);
        Assert.Equal("2/3", (third * 2).ToString());
        Assert.Equal(160, third.ToTicks(480));
    }

    [Theory]
    [InlineData("3/2", 3, 2)]
    [InlineData("4/8", 1, 2)]
    [InlineData("6", 6, 1)]
    public void Parses_and_reduces(string text, long numerator, long denominator)
    {
        var duration = Duration.Parse(text);
        Assert.Equal((numerator, denominator), (duration.Numerator, duration.Denominator));
    }

    [Theory]
    [InlineData("1/0")]
    [InlineData("-1")]
    [InlineData("a")]
    [InlineData("1/2/3")]
    public void Refuses_what_is_not_a_length(string text) => Assert.False(Duration.TryParse(text, out _));

    [Fact]
    public void Default_is_zero_and_compares_as_such()
    {
        Duration none = default;
        Assert.True(none.IsZero);
        Assert.Equal(Duration.Zero, none);
        Assert.True(none < Duration.Parse("1/4"));
    }
}

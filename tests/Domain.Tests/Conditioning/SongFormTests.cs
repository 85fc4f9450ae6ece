using SithSynth.Domain.Conditioning;

namespace SithSynth.Domain.Tests.Conditioning;

public class SongFormTests
{
    [Theory]
    [InlineData("AABA", 32, "AABA")]
    [InlineData("A A′ B A", 32, "AA′BA")]
    [InlineData("a a' b a", 32, "AA′BA")]
    [InlineData("ABAB", 32, "ABAB")]
    [InlineData("AABB", 32, "AABB")]
    [InlineData("ABAC", 32, "ABAC")]
    [InlineData("AA'", 16, "AA′")]
    [InlineData("AA″", 16, "AA′′")]
    [InlineData("Through", 16, "through")]
    [InlineData("AABC", 28, "AABC")]
    public void Letters_per_phrase_are_read(string text, int bars, string expected)
    {
        Assert.True(SongForm.TryParse(text, bars, out var form, out var problem), problem);
        Assert.Equal(expected, form.Text);
    }

    [Theory]
    [InlineData("AABA", 16, "Form 'AABA' has 4 phrases, but 16 bars make 2 (8 + 8 bars): write 2 letters, or 'through'.")]
    [InlineData("A", 12, "Form 'A' has 1 phrase, but 12 bars make 2 (8 + 4 bars): write 2 letters, or 'through'.")]
    [InlineData("A'A", 16, "Form 'A'A': A′ varies an earlier A, but it is the first A; start with A unprimed.")]
    [InlineData("AAA", 20, "Form 'AAA': phrase 3 (A) has 4 bars and cannot restate phrase 1 (8 bars); 20 bars make 8 + 8 + 4.")]
    [InlineData("A-B", 16, "'A-B' is not a form: write one letter per phrase, such as AABA, ABAB or A A′ B A (primes ' or ′), or 'through'.")]
    [InlineData("", 16, "Form '' has 0 phrases, but 16 bars make 2 (8 + 8 bars): write 2 letters, or 'through'.")]
    public void A_form_that_does_not_fit_the_bars_says_why(string text, int bars, string message)
    {
        Assert.False(SongForm.TryParse(text, bars, out _, out var problem));
        Assert.Equal(message, problem);
    }

    [Theory]
    [InlineData(8, "A")]
    [InlineData(16, "AA′")]
    [InlineData(24, "ABA")]
    [InlineData(32, "AABA")]
    [InlineData(40, "AABAA′")]
    [InlineData(20, "through")]
    [InlineData(12, "through")]
    [InlineData(11, "A")]
    public void The_default_is_what_a_songwriter_would_pick_for_the_length(int bars, string expected)
    {
        var form = SongForm.Default(bars);
        Assert.Equal(expected, form.Text);
    }

    [Fact]
    public void AABA_over_32_bars_restates_bars_1_to_8_in_9_to_16_and_25_to_32()
    {
        Assert.True(SongForm.TryParse("AABA", 32, out var form, out _));
        var sources = form.SourceBars(32);

        Assert.All(Enumerable.Range(0, 8), bar => Assert.Null(sources[bar]));
        Assert.Equal(Enumerable.Range(0, 8).Cast<int?>(), sources.Skip(8).Take(8));
        Assert.All(Enumerable.Range(16, 8), bar => Assert.Null(sources[bar]));
        Assert.Equal(Enumerable.Range(0, 8).Cast<int?>(), sources.Skip(24));
    }

    [Fact]
    public void A_primed_phrase_writes_its_cadence_bars_afresh()
    {
        Assert.True(SongForm.TryParse("AA′", 16, out var form, out _));
        var sources = form.SourceBars(16);

        Assert.Equal(Enumerable.Range(0, 6).Cast<int?>(), sources.Skip(8).Take(6));
        Assert.Equal([null, null], sources.Skip(14));
    }

    [Fact]
    public void Through_composed_restates_nothing() =>
        Assert.All(SongForm.Through(24).SourceBars(24), Assert.Null);
}

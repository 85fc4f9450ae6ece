using SithSynth.Domain.Corpus;

namespace SithSynth.Domain.Tests.Corpus;

public class PhraseWindowsTests
{
    [Fact]
    public void Windows_start_every_eight_bars_and_hold_whole_phrases_up_to_thirty_two_bars()
    {
        Assert.Equal([(0, 32), (8, 24), (16, 16), (24, 8)], PhraseWindows.For(34));
        Assert.Equal([(0, 32), (8, 32), (16, 24), (24, 16), (32, 8)], PhraseWindows.For(40));
    }

    [Fact]
    public void A_run_shorter_than_a_phrase_gives_no_window()
    {
        Assert.Empty(PhraseWindows.For(7));
        Assert.Equal([(0, 8)], PhraseWindows.For(15));
    }
}

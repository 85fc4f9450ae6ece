using SithSynth.Domain.Corpus;

namespace SithSynth.Domain.Tests.Corpus;

public class PhraseWindowsTests
{
    [Fact]
    public void Windows_start_every_eight_bars_and_hold_whole_phrases_up_to_thirty_two_bars()
    {
        Assert.Equal([(0, 32, false), (8, 24, false), (16, 16, false), (24, 8, false)], PhraseWindows.For(34, runEndsPiece: false));
        Assert.Equal([(0, 32, false), (8, 32, false), (16, 24, false), (24, 16, false), (32, 8, false)], PhraseWindows.For(40, runEndsPiece: false));
    }

    [Fact]
    public void The_run_that_ends_its_piece_also_gives_a_window_of_each_length_that_ends_with_it()
    {
        Assert.Equal(
            [(0, 32, false), (8, 24, false), (16, 16, false), (24, 8, false), (26, 8, true), (18, 16, true), (10, 24, true), (2, 32, true)],
            PhraseWindows.For(34, runEndsPiece: true));
    }

    [Fact]
    public void A_window_that_already_ends_with_the_piece_is_not_repeated()
    {
        Assert.Equal([(0, 16, true), (8, 8, true)], PhraseWindows.For(16, runEndsPiece: true));
    }

    [Fact]
    public void A_run_shorter_than_a_phrase_gives_no_window()
    {
        Assert.Empty(PhraseWindows.For(7, runEndsPiece: true));
        Assert.Equal([(0, 8, false), (7, 8, true)], PhraseWindows.For(15, runEndsPiece: true));
    }
}

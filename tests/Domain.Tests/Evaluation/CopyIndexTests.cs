using SithSynth.Domain.Evaluation;
using static SithSynth.Domain.Tests.Evaluation.Sheets;

namespace SithSynth.Domain.Tests.Evaluation;

public class CopyIndexTests
{
    private static readonly CopyIndex Index = new(
    [
        Sheet("C:60:1 C:62:1 C:64:1 C:65:1", "C:67:2 C:65:2"),
        Sheet("C:72:1 C:71:1 C:69:1 C:67:1", "C:65:4"),
    ]);

    [Fact]
    public void The_longest_run_shared_with_one_training_piece_is_found()
    {
        // 62 64 65 67(half) come from the first piece in a row; 65(whole) breaks it (the first piece has a half).
        var sheet = Sheet("G7:55:1 C:62:1 C:64:1 C:65:1", "F:67:2 C:65:1 C:65:1");

        Assert.Equal(2, Index.Pieces);
        Assert.Equal(4, Index.LongestCopy(sheet));
    }

    [Fact]
    public void Chords_do_not_matter_but_lengths_and_ties_do()
    {
        Assert.Equal(6, Index.LongestCopy(Sheet("Am:60:1 Dm:62:1 G7:64:1 C:65:1", "F:67:2 F:65:2")));
        Assert.Equal(5, Index.LongestCopy(Sheet("C:72:1 C:71:1 C:69:1 C:67:1", "C:65:2 C:~65:2")));
        Assert.Equal(4, Index.LongestCopy(Sheet("C:72:1 C:71:1 C:69:1 C:67:1", "C:65:2 C:65:2")));
    }

    [Fact]
    public void No_run_spans_two_training_pieces()
    {
        // The first piece ends 67 65(half); the second starts 72 71: joined they are not in the index.
        var sheet = Sheet("C:67:2 C:65:2", "C:72:1 C:71:1 C:r:2");

        Assert.Equal(2, Index.LongestCopy(sheet));
        Assert.Equal(0, Index.LongestCopy(Sheet("C:48:4")));
    }
}

using SithSynth.Domain.Corpus;

namespace SithSynth.Domain.Tests.Corpus;

public class PieceSplitTests
{
    private static readonly string[] Pieces = [.. Enumerable.Range(0, 100).Select(i => $"Composer {i % 7}/Song {i}")];

    [Fact]
    public void Every_piece_lands_in_exactly_one_split_in_eighty_ten_ten()
    {
        var splits = PieceSplit.Assign(Pieces, 42);

        Assert.Equal(100, splits.Count);
        Assert.Equal(80, splits.Values.Count(s => s == CorpusSplit.Train));
        Assert.Equal(10, splits.Values.Count(s => s == CorpusSplit.Valid));
        Assert.Equal(10, splits.Values.Count(s => s == CorpusSplit.Test));
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_whatever_the_order_and_another_seed_another()
    {
        var first = PieceSplit.Assign(Pieces, 42);
        var shuffled = PieceSplit.Assign(Pieces.Reverse(), 42);
        var other = PieceSplit.Assign(Pieces, 43);

        Assert.All(Pieces, p => Assert.Equal(first[p], shuffled[p]));
        Assert.Contains(Pieces, p => first[p] != other[p]);
    }
}

using System.Text;
using SithSynth.Domain.Randomness;

namespace SithSynth.Domain.Corpus;

/// <summary>
/// Splits pieces, not windows, into train / validation / test: overlapping windows of one song never sit on both
/// sides. Pieces are ordered by a seeded hash of their id, and the first tenth is test, the next tenth validation.
/// </summary>
public static class PieceSplit
{
    public const double TestShare = 0.1;

    public const double ValidShare = 0.1;

    public static IReadOnlyDictionary<string, CorpusSplit> Assign(IEnumerable<string> pieces, ulong seed)
    {
        var ordered = pieces.Distinct(StringComparer.Ordinal)
            .OrderBy(p => Rank(p, seed))
            .ThenBy(p => p, StringComparer.Ordinal)
            .ToList();
        var test = (int)Math.Round(ordered.Count * TestShare, MidpointRounding.AwayFromZero);
        var valid = (int)Math.Round(ordered.Count * ValidShare, MidpointRounding.AwayFromZero);
        return ordered
            .Select((piece, i) => (piece, split: i < test ? CorpusSplit.Test : i < test + valid ? CorpusSplit.Valid : CorpusSplit.Train))
            .ToDictionary(p => p.piece, p => p.split, StringComparer.Ordinal);
    }

    /// <summary>A number fixed by the piece id and the seed alone (FNV-1a, then the seeded generator's mixing).</summary>
    public static ulong Rank(string piece, ulong seed)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(piece))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return SeededRandom.Derive(seed, hash);
    }
}

namespace SithSynth.Domain.Conditioning;

/// <summary>
/// Splits a run of bars into phrases and names each bar's position. Phrases are eight bars, the common lead-sheet
/// period; a tail shorter than four bars joins the phrase before it, a longer one is a phrase of its own. The last
/// two bars of a run that ends its piece (every sheet does) are final rather than end positions.
/// </summary>
public static class PhrasePlan
{
    public const int PhraseLength = 8;

    private static readonly string[] Names = ["start1", "start2", "-", "end1", "end2", "final1", "final2"];

    /// <summary>The phrase positions of a sheet of <paramref name="bars"/> bars, whose last bars end the piece.</summary>
    public static IReadOnlyList<PhrasePosition> For(int bars) => For(bars, endsPiece: true);

    /// <summary>
    /// The phrase positions of <paramref name="bars"/> bars; with <paramref name="endsPiece"/> the last phrase's
    /// cadence bars are final (a corpus window that stops before its piece ends keeps end positions).
    /// </summary>
    public static IReadOnlyList<PhrasePosition> For(int bars, bool endsPiece)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bars);
        var positions = new List<PhrasePosition>(bars);
        foreach (var length in PhraseLengths(bars))
        {
            for (var i = 0; i < length; i++)
            {
                positions.Add(PositionInPhrase(i, length));
            }
        }

        if (endsPiece)
        {
            for (var i = Math.Max(0, bars - 2); i < bars; i++)
            {
                positions[i] = positions[i] switch
                {
                    PhrasePosition.End1 => PhrasePosition.Final1,
                    PhrasePosition.End2 => PhrasePosition.Final2,
                    var other => other,
                };
            }
        }

        return positions;
    }

    /// <summary>The position a card without final positions hears instead: <c>final1</c> as <c>end1</c>, <c>final2</c> as <c>end2</c>.</summary>
    public static PhrasePosition WithoutFinal(PhrasePosition position) => position switch
    {
        PhrasePosition.Final1 => PhrasePosition.End1,
        PhrasePosition.Final2 => PhrasePosition.End2,
        _ => position,
    };

    public static bool IsFinal(PhrasePosition position) => position is PhrasePosition.Final1 or PhrasePosition.Final2;

    /// <summary>The phrase lengths that <see cref="For"/> uses, in order.</summary>
    public static IEnumerable<int> PhraseLengths(int bars)
    {
        var remaining = bars;
        while (remaining > 0)
        {
            var length = remaining < PhraseLength + (PhraseLength / 2) ? remaining : PhraseLength;
            yield return length;
            remaining -= length;
        }
    }

    public static string Name(PhrasePosition position) => Names[(int)position];

    public static bool TryParse(string text, out PhrasePosition position)
    {
        var index = Array.IndexOf(Names, text);
        position = index < 0 ? PhrasePosition.Inner : (PhrasePosition)index;
        return index >= 0;
    }

    private static PhrasePosition PositionInPhrase(int index, int length) =>
        index == length - 1 ? PhrasePosition.End2
        : index == length - 2 && length >= 4 ? PhrasePosition.End1
        : index == 0 ? PhrasePosition.Start1
        : index == 1 ? PhrasePosition.Start2
        : PhrasePosition.Inner;
}

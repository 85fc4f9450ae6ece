namespace SithSynth.Domain.Conditioning;

/// <summary>
/// Splits a run of bars into phrases and names each bar's position. Phrases are eight bars, the common lead-sheet
/// period; a tail shorter than four bars joins the phrase before it, a longer one is a phrase of its own.
/// </summary>
public static class PhrasePlan
{
    public const int PhraseLength = 8;

    private static readonly string[] Names = ["start1", "start2", "-", "end1", "end2"];

    public static IReadOnlyList<PhrasePosition> For(int bars)
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

        return positions;
    }

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

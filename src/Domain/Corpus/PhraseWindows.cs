using SithSynth.Domain.Conditioning;

namespace SithSynth.Domain.Corpus;

/// <summary>
/// Where training windows start and how long they are: at every phrase boundary (each eight bars from the start of
/// a run), as many whole phrases as remain, up to four. A 34-bar song gives 32, 24, 16 and 8 bars, so the model
/// sees every length a request may ask for, each beginning where a phrase begins. The run that ends its piece also
/// gives windows of each length that end with it (26..34, 18..34, ...): those end the piece, as every sheet does.
/// </summary>
public static class PhraseWindows
{
    public const int LongestPhrases = 4;

    /// <summary>The windows of a run of <paramref name="runBars"/> bars; <c>EndsPiece</c> marks those whose last bar is the piece's.</summary>
    public static IReadOnlyList<(int Start, int Bars, bool EndsPiece)> For(int runBars, bool runEndsPiece)
    {
        var windows = new List<(int Start, int Bars, bool EndsPiece)>();
        for (var start = 0; start + PhrasePlan.PhraseLength <= runBars; start += PhrasePlan.PhraseLength)
        {
            var phrases = Math.Min(LongestPhrases, (runBars - start) / PhrasePlan.PhraseLength);
            var bars = phrases * PhrasePlan.PhraseLength;
            windows.Add((start, bars, runEndsPiece && start + bars == runBars));
        }

        if (runEndsPiece)
        {
            for (var phrases = 1; phrases <= LongestPhrases && phrases * PhrasePlan.PhraseLength <= runBars; phrases++)
            {
                var bars = phrases * PhrasePlan.PhraseLength;
                if (!windows.Contains((runBars - bars, bars, true)))
                {
                    windows.Add((runBars - bars, bars, true));
                }
            }
        }

        return windows;
    }
}

using SithSynth.Domain.Conditioning;

namespace SithSynth.Domain.Corpus;

/// <summary>
/// Where training windows start and how long they are: at every phrase boundary (each eight bars from the start of
/// a run), as many whole phrases as remain, up to four. A 34-bar song gives 32, 24, 16 and 8 bars, so the model
/// sees every length a request may ask for, each beginning where a phrase begins.
/// </summary>
public static class PhraseWindows
{
    public const int LongestPhrases = 4;

    public static IReadOnlyList<(int Start, int Bars)> For(int runBars)
    {
        var windows = new List<(int, int)>();
        for (var start = 0; start + PhrasePlan.PhraseLength <= runBars; start += PhrasePlan.PhraseLength)
        {
            var phrases = Math.Min(LongestPhrases, (runBars - start) / PhrasePlan.PhraseLength);
            windows.Add((start, phrases * PhrasePlan.PhraseLength));
        }

        return windows;
    }
}

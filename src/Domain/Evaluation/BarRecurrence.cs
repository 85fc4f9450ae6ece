using System.Globalization;
using System.Text;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// Which bars a sheet restates: a bar's melody is its notes, rests, ties and lengths (chords aside); its rhythm is the
/// same without the pitches. Bars of rest only have nothing to recur and are left out of the recurrence share.
/// </summary>
public static class BarRecurrence
{
    /// <summary>The distance, in bars, of the restatement an A A′ form makes (bar 9 answers bar 1).</summary>
    public const int PhraseOffset = 8;

    public static string Melody(Measure measure) => Describe(measure, pitches: true);

    public static string Rhythm(Measure measure) => Describe(measure, pitches: false);

    /// <summary>Bars holding a note whose melody stands again somewhere else in the sheet, and the bars holding a note.</summary>
    public static (int Recurring, int Bars) Recurring(LeadSheet sheet)
    {
        var sounding = sheet.Measures.Where(m => m.Events.Any(e => !e.IsRest)).Select(Melody).ToList();
        var counts = sounding.CountBy(m => m).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return (sounding.Count(m => counts[m] > 1), sounding.Count);
    }

    /// <summary>Of bars 9–16, those whose melody (and, apart, whose rhythm) equals bar i−8; none when the sheet is shorter.</summary>
    public static (int Melody, int Rhythm, int Bars) Restated(LeadSheet sheet)
    {
        if (sheet.Measures.Count < 2 * PhraseOffset)
        {
            return (0, 0, 0);
        }

        int melody = 0, rhythm = 0;
        for (var bar = PhraseOffset; bar < 2 * PhraseOffset; bar++)
        {
            melody += Melody(sheet.Measures[bar]) == Melody(sheet.Measures[bar - PhraseOffset]) ? 1 : 0;
            rhythm += Rhythm(sheet.Measures[bar]) == Rhythm(sheet.Measures[bar - PhraseOffset]) ? 1 : 0;
        }

        return (melody, rhythm, PhraseOffset);
    }

    /// <summary>How many bars of phrase <paramref name="phrase"/> (0-based, eight bars each) repeat the melody of the first phrase.</summary>
    public static int PhraseMatches(LeadSheet sheet, int phrase)
    {
        var start = phrase * PhraseOffset;
        if (start + PhraseOffset > sheet.Measures.Count)
        {
            return 0;
        }

        return Enumerable.Range(0, PhraseOffset).Count(i => Melody(sheet.Measures[start + i]) == Melody(sheet.Measures[i]));
    }

    private static string Describe(Measure measure, bool pitches)
    {
        var text = new StringBuilder();
        foreach (var e in measure.Events)
        {
            var what = e.Pitch is { } pitch ? (pitches ? pitch.ToString(CultureInfo.InvariantCulture) : "n") : "r";
            text.Append(what).Append(e.Tied ? "~" : "").Append(':').Append(e.Duration).Append(' ');
        }

        return text.ToString();
    }
}

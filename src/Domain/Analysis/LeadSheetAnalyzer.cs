using SithSynth.Domain.Music;

namespace SithSynth.Domain.Analysis;

/// <summary>Measures a lead sheet. One definition serves the corpus (conditions), the service (reports) and the evaluation.</summary>
public static class LeadSheetAnalyzer
{
    private static readonly int[] MajorScale = [0, 2, 4, 5, 7, 9, 11];

    // Natural, harmonic and melodic minor together: the sixth and seventh may be raised.
    private static readonly int[] MinorScale = [0, 2, 3, 5, 7, 8, 9, 10, 11];

    public static BarAnalysis AnalyzeBar(Measure measure)
    {
        var valences = measure.Events.Select(e => ChordValence.Of(e.Chord.Kind)).Order().ToArray();
        var median = valences.Length == 0
            ? 0
            : valences.Length % 2 == 1
                ? valences[valences.Length / 2]
                : (valences[(valences.Length / 2) - 1] + valences[valences.Length / 2]) / 2;
        // A tied event holds the note before it: density counts the notes a listener hears begin.
        var notes = measure.Events.Count(e => !e.IsRest && !e.Tied);
        return new BarAnalysis(Math.Round(median, 4), ChordValence.Bin(median), notes, DensityNames.OfNoteCount(notes));
    }

    public static SheetAnalysis Analyze(LeadSheet sheet)
    {
        var bars = sheet.Measures.Select(AnalyzeBar).ToList();
        var pitches = SoundingNote.Of(sheet.Measures).Select(n => n.Pitch).ToList();
        var scale = sheet.Key.Mode == KeyMode.Major ? MajorScale : MinorScale;
        var tonic = sheet.Key.Tonic.PitchClass;
        var inKey = pitches.Count == 0 ? 1.0 : pitches.Count(p => scale.Contains(PitchClass.Of(p - tonic))) / (double)pitches.Count;
        var total = sheet.Events.Aggregate(Duration.Zero, (sum, e) => sum + e.Duration).TotalQuarters;
        var rests = sheet.Events.Where(e => e.IsRest).Aggregate(Duration.Zero, (sum, e) => sum + e.Duration).TotalQuarters;
        return new SheetAnalysis(
            bars,
            bars.Count == 0 ? 0 : Math.Round(bars.Average(b => b.Valence), 4),
            pitches.Count == 0 ? 0 : pitches.Min(),
            pitches.Count == 0 ? 0 : pitches.Max(),
            Math.Round(inKey, 4),
            total == 0 ? 0 : Math.Round(rests / total, 4));
    }
}

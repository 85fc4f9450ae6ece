using SithSynth.Domain.Music;

namespace SithSynth.Domain.Evaluation;

/// <summary>Measures a sheet's harmonic rhythm; a beat is the meter's felt pulse (a dotted quarter in 6/8).</summary>
public static class HarmonicRhythm
{
    public static HarmonicRhythmFacts Of(LeadSheet sheet)
    {
        int changes = 0, spans = 0, shortSpans = 0, mostInBar = 0, longestRun = 0, run = 0;
        ChordSymbol? previous = null;
        ChordSymbol? previousBarChord = null;
        var spanLength = Duration.Zero;
        foreach (var measure in sheet.Measures)
        {
            var inBar = 0;
            ChordSymbol? barPrevious = null;
            foreach (var e in measure.Events)
            {
                if (previous is null || e.Chord != previous)
                {
                    changes += previous is null ? 0 : 1;
                    shortSpans += previous is not null && spanLength < sheet.TimeSignature.PulseLength ? 1 : 0;
                    spans++;
                    spanLength = Duration.Zero;
                }

                inBar += barPrevious is null || e.Chord != barPrevious ? 1 : 0;
                spanLength += e.Duration;
                previous = barPrevious = e.Chord;
            }

            mostInBar = Math.Max(mostInBar, inBar);
            var single = measure.Events.Count > 0 && inBar == 1 ? measure.Events[0].Chord : null;
            run = single is null ? 0 : single == previousBarChord ? run + 1 : 1;
            previousBarChord = single;
            longestRun = Math.Max(longestRun, run);
        }

        shortSpans += previous is not null && spanLength < sheet.TimeSignature.PulseLength ? 1 : 0;
        return new HarmonicRhythmFacts(sheet.Measures.Count, changes, longestRun, spans, shortSpans, mostInBar);
    }
}

using SithSynth.Domain.Music;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// The musical profile of a set of lead sheets written in the home key (C major / A minor), pooled over all of
/// them: which pitch classes the melody uses, how often it sits on the chord at strong beats, how it moves, how
/// wide it spans, how much it rests and how often the harmony changes.
/// </summary>
public sealed record MusicalStatistics(
    int Sheets,
    int Notes,
    IReadOnlyList<double> PitchClassHistogram,
    double ChordToneOnStrongBeats,
    double MeanMelodicInterval,
    double MeanPitchRange,
    double RestRatio,
    double ChordChangesPerBar)
{
    public static MusicalStatistics Of(IReadOnlyList<LeadSheet> sheets)
    {
        var pitchClasses = new double[12];
        int notes = 0, strongNotes = 0, strongChordTones = 0, intervals = 0, changes = 0, bars = 0;
        double intervalSum = 0, restQuarters = 0, totalQuarters = 0;
        var ranges = new List<int>();
        foreach (var sheet in sheets)
        {
            int? previousPitch = null;
            ChordSymbol? previousChord = null;
            var pitches = new List<int>();
            foreach (var measure in sheet.Measures)
            {
                bars++;
                foreach (var (e, onset) in measure.EventsWithOnsets())
                {
                    // A change is any event whose chord differs from the one sounding before it, across barlines too.
                    changes += previousChord is not null && previousChord != e.Chord ? 1 : 0;
                    previousChord = e.Chord;
                    totalQuarters += e.Duration.TotalQuarters;
                    if (e.Pitch is not { } pitch)
                    {
                        restQuarters += e.Duration.TotalQuarters;
                        continue;
                    }

                    notes++;
                    pitches.Add(pitch);
                    pitchClasses[PitchClass.Of(pitch)]++;
                    if (previousPitch is { } before)
                    {
                        intervalSum += Math.Abs(pitch - before);
                        intervals++;
                    }

                    previousPitch = pitch;

                    // N.C. has no chord tones to hit, so those notes are left out rather than counted as misses.
                    if (sheet.TimeSignature.IsStrongBeat(onset) && !e.Chord.IsNoChord)
                    {
                        strongNotes++;
                        strongChordTones += e.Chord.PitchClasses.Contains(PitchClass.Of(pitch)) ? 1 : 0;
                    }
                }
            }

            if (pitches.Count > 0)
            {
                ranges.Add(pitches.Max() - pitches.Min());
            }
        }

        return new MusicalStatistics(
            sheets.Count,
            notes,
            [.. pitchClasses.Select(c => notes == 0 ? 0 : c / notes)],
            Share(strongChordTones, strongNotes),
            intervals == 0 ? 0 : intervalSum / intervals,
            ranges.Count == 0 ? 0 : ranges.Average(),
            totalQuarters == 0 ? 0 : restQuarters / totalQuarters,
            bars == 0 ? 0 : changes / (double)bars);
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : part / (double)whole;
}

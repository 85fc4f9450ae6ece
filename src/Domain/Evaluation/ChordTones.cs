using SithSynth.Domain.Music;
using SithSynth.Domain.Progressions;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// How a melody sits on its chords: the share of notes starting on a beat (a pulse of the meter) whose pitch is a tone
/// of the chord sounding (N.C. and rests left out), and a sheet's own chords written as a progression to follow.
/// </summary>
public static class ChordTones
{
    /// <summary>Notes on the beat that are chord tones, and notes on the beat under a chord.</summary>
    public static (int ChordTones, int Notes) OnTheBeat(LeadSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        int tones = 0, notes = 0;
        foreach (var measure in sheet.Measures)
        {
            var onset = Duration.Zero;
            foreach (var e in measure.Events)
            {
                if (e.Pitch is { } pitch && !e.Tied && !e.Chord.IsNoChord && sheet.TimeSignature.IsOnPulse(onset))
                {
                    notes++;
                    tones += e.Chord.PitchClasses.Contains(PitchClass.Of(pitch)) ? 1 : 0;
                }

                onset += e.Duration;
            }
        }

        return (tones, notes);
    }

    /// <summary>
    /// The sheet's chords as a progression in its key: per bar one symbol, or the fewest even beat groups that hold
    /// its changes (one per beat at most); null when a bar changes chord off the beat.
    /// </summary>
    public static string? Progression(LeadSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var meter = sheet.TimeSignature;
        var bars = new List<string>(sheet.Measures.Count);
        ChordSymbol? sounding = null;
        foreach (var measure in sheet.Measures)
        {
            var beats = new ChordSymbol[meter.Pulses];
            var onset = Duration.Zero;
            foreach (var e in measure.Events)
            {
                if (!e.Chord.Equals(sounding) && !meter.IsOnPulse(onset))
                {
                    return null;
                }

                sounding = e.Chord;

                for (var beat = 0; beat < beats.Length; beat++)
                {
                    var start = meter.PulseLength * beat;
                    if (start >= onset && start < onset + e.Duration)
                    {
                        beats[beat] = e.Chord;
                    }
                }

                onset += e.Duration;
            }

            if (beats.Any(b => b is null))
            {
                return null;
            }

            var groups = ChordProgression.Splits(meter).First(k => Enumerable.Range(0, beats.Length).All(i => beats[i].Equals(beats[i / (beats.Length / k) * (beats.Length / k)])));
            bars.Add(string.Join(' ', Enumerable.Range(0, groups).Select(g => ProgressionCheck.Name(beats[g * (beats.Length / groups)], sheet.Key))));
        }

        return string.Join(" | ", bars);
    }
}

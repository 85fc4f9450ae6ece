using SithSynth.Domain.Music;

namespace SithSynth.Domain.Evaluation;

/// <summary>Counts a melody's intervals by class, between consecutive sounding notes (rests skipped, ties joined).</summary>
public static class IntervalClasses
{
    public static IntervalClass Of(int semitones) => Math.Abs(semitones) switch
    {
        0 => IntervalClass.Repeat,
        <= 2 => IntervalClass.Step,
        <= 4 => IntervalClass.Third,
        <= 7 => IntervalClass.FourthOrFifth,
        _ => IntervalClass.Larger,
    };

    /// <summary>Adds the sheet's intervals to <paramref name="counts"/>, indexed by <see cref="IntervalClass"/>.</summary>
    public static void Count(LeadSheet sheet, long[] counts)
    {
        int? previous = null;
        foreach (var note in MelodyLine.Of(sheet))
        {
            if (note.Pitch is not { } pitch)
            {
                continue;
            }

            if (previous is { } before)
            {
                counts[(int)Of(pitch - before)]++;
            }

            previous = pitch;
        }
    }
}

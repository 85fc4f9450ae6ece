using SithSynth.Domain.Music;

namespace SithSynth.Domain.Evaluation;

/// <summary>A sheet's melody as sounding notes: a tied event lengthens the note before it rather than repeating it.</summary>
public static class MelodyLine
{
    public static IReadOnlyList<MelodyNote> Of(LeadSheet sheet)
    {
        var notes = new List<MelodyNote>();
        for (var bar = 0; bar < sheet.Measures.Count; bar++)
        {
            foreach (var (e, onset) in sheet.Measures[bar].EventsWithOnsets())
            {
                if (e.Tied && e.Pitch is { } pitch && notes.Count > 0 && notes[^1].Pitch == pitch)
                {
                    notes[^1] = notes[^1] with { Length = notes[^1].Length + e.Duration };
                    continue;
                }

                notes.Add(new MelodyNote(e.Pitch, e.Duration, bar, onset));
            }
        }

        return notes;
    }

    /// <summary>How many notes start in each bar: tied continuations and rests are not onsets.</summary>
    public static int[] OnsetsPerBar(LeadSheet sheet) =>
        [.. sheet.Measures.Select(m => m.Events.Count(e => !e.IsRest && !e.Tied))];
}

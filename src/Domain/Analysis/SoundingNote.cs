using SithSynth.Domain.Music;

namespace SithSynth.Domain.Analysis;

/// <summary>
/// A melody note as a listener hears it: tied events joined into one note from its first onset to its last
/// event's end, so intervals, repeats and note counts never take a tie for a new note.
/// </summary>
public sealed record SoundingNote(int Bar, Duration Onset, int Pitch, Duration Length)
{
    /// <summary>The sheet's notes in order; rests are left out and a tie after a rest (which no grammar writes) starts a note.</summary>
    public static IReadOnlyList<SoundingNote> Of(IReadOnlyList<Measure> measures)
    {
        var notes = new List<SoundingNote>();
        var previousSounds = false;
        for (var bar = 0; bar < measures.Count; bar++)
        {
            foreach (var (e, onset) in measures[bar].EventsWithOnsets())
            {
                if (e.Pitch is { } pitch)
                {
                    if (e.Tied && previousSounds && notes[^1].Pitch == pitch)
                    {
                        notes[^1] = notes[^1] with { Length = notes[^1].Length + e.Duration };
                    }
                    else
                    {
                        notes.Add(new SoundingNote(bar, onset, pitch, e.Duration));
                    }
                }

                previousSounds = e.Pitch is not null;
            }
        }

        return notes;
    }
}

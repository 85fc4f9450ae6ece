using System.Numerics;
using NAudio.Midi;
using SithSynth.Domain.Analysis;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Rendering;

/// <summary>
/// Writes a lead sheet as a type 1 standard MIDI file: a conductor track (name, tempo, meter, key), the melody,
/// and the chords voiced for a keyboard. The file ends exactly on the last barline.
/// </summary>
public static class MidiWriter
{
    /// <summary>Divisible by 3 and 16, so triplets and sixteenths land on whole ticks.</summary>
    public const int TicksPerQuarter = 480;

    public const int MelodyChannel = 1;
    public const int ChordChannel = 2;
    public const int MelodyProgram = 73; // General MIDI flute: cuts through the chords.
    public const int ChordProgram = 4; // General MIDI electric piano: soft comping under the tune.
    public const int MelodyVelocity = 90;
    public const int ChordVelocity = 60;

    // MIDI clocks per quarter note, fixed by the standard; the metronome clicks once per felt beat.
    private const int ClocksPerQuarter = 24;

    /// <summary>The file's bytes; the same sheet and title always give the same bytes.</summary>
    public static byte[] Write(LeadSheet sheet, string title)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(title);
        if (!sheet.IsComplete)
        {
            throw new ArgumentException("Every bar must hold exactly one bar's length of events before it can be written.", nameof(sheet));
        }

        if (sheet.Tempo <= 0)
        {
            throw new ArgumentException($"Tempo {sheet.Tempo} is not a positive number of beats per minute.", nameof(sheet));
        }

        var barTicks = sheet.TimeSignature.BarLength.ToTicks(TicksPerQuarter);
        var endTick = barTicks * sheet.Measures.Count;

        var collection = new MidiEventCollection(1, TicksPerQuarter);
        collection.AddTrack(ConductorTrack(sheet, title, endTick));
        collection.AddTrack(NoteTrack("Melody", MelodyChannel, MelodyProgram, MelodyNotes(sheet, barTicks), endTick));
        collection.AddTrack(NoteTrack("Chords", ChordChannel, ChordProgram, ChordNotes(sheet, barTicks), endTick));

        using var stream = new MemoryStream();
        MidiFile.Export(stream, collection);
        return stream.ToArray();
    }

    private static List<MidiEvent> ConductorTrack(LeadSheet sheet, string title, long endTick)
    {
        var meter = sheet.TimeSignature;
        if (!BitOperations.IsPow2(meter.BeatType))
        {
            throw new ArgumentException($"MIDI can only write meters whose beat type is a power of two, not {meter}.", nameof(sheet));
        }

        var clocksPerClick = meter.PulseLength * ClocksPerQuarter;
        return
        [
            new TextEvent(title, MetaEventType.SequenceTrackName, 0),
            new TempoEvent((int)Math.Round(60_000_000.0 / sheet.QuartersPerMinute), 0),
            // MIDI stores the beat type as a power of two: 4 is written 2, 8 is written 3.
            new TimeSignatureEvent(0, meter.Beats, BitOperations.Log2((uint)meter.BeatType), (int)clocksPerClick.ToTicks(1), 8),
            new KeySignatureEvent(sheet.Key.Fifths, sheet.Key.Mode == KeyMode.Minor ? 1 : 0, 0),
            new MetaEvent(MetaEventType.EndTrack, 0, endTick),
        ];
    }

    private static List<MidiEvent> NoteTrack(string name, int channel, int program, IEnumerable<(long Start, long Length, int Pitch, int Velocity)> notes, long endTick)
    {
        var track = new List<MidiEvent>
        {
            new TextEvent(name, MetaEventType.SequenceTrackName, 0),
            new PatchChangeEvent(0, channel, program),
        };

        var noteEvents = new List<MidiEvent>();
        foreach (var (start, length, pitch, velocity) in notes)
        {
            if (pitch is < 0 or > 127)
            {
                throw new ArgumentOutOfRangeException(nameof(notes), pitch, "MIDI pitches run from 0 to 127.");
            }

            noteEvents.Add(new NoteEvent(start, channel, MidiCommandCode.NoteOn, pitch, velocity));
            noteEvents.Add(new NoteEvent(start + length, channel, MidiCommandCode.NoteOff, pitch, 0));
        }

        // Releases come before attacks on the same tick, so a repeated note is struck again rather than cut off.
        track.AddRange(noteEvents
            .OrderBy(e => e.AbsoluteTime)
            .ThenBy(e => MidiEvent.IsNoteOn(e) ? 1 : 0));
        track.Add(new MetaEvent(MetaEventType.EndTrack, 0, endTick));
        return track;
    }

    /// <summary>The melody's notes as heard: a tied event lengthens the note it continues (across barlines too).</summary>
    private static IEnumerable<(long Start, long Length, int Pitch, int Velocity)> MelodyNotes(LeadSheet sheet, long barTicks) =>
        SoundingNote.Of(sheet.Measures).Select(n => ((n.Bar * barTicks) + n.Onset.ToTicks(TicksPerQuarter), n.Length.ToTicks(TicksPerQuarter), n.Pitch, MelodyVelocity));

    private static IEnumerable<(long Start, long Length, int Pitch, int Velocity)> ChordNotes(LeadSheet sheet, long barTicks)
    {
        for (var bar = 0; bar < sheet.Measures.Count; bar++)
        {
            foreach (var span in ChordSpan.In(sheet.Measures[bar]))
            {
                foreach (var pitch in ChordVoicing.Pitches(span.Chord))
                {
                    yield return ((bar * barTicks) + span.Onset.ToTicks(TicksPerQuarter), span.Length.ToTicks(TicksPerQuarter), pitch, ChordVelocity);
                }
            }
        }
    }
}

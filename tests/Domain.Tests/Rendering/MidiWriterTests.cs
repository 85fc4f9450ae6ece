using NAudio.Midi;
using SithSynth.Domain.Music;
using SithSynth.Domain.Rendering;

namespace SithSynth.Domain.Tests.Rendering;

public class MidiWriterTests
{
    private const int Ticks = MidiWriter.TicksPerQuarter;

    [Theory]
    [MemberData(nameof(SampleLeadSheets.Names), MemberType = typeof(SampleLeadSheets))]
    public void Every_meter_reads_back_as_a_type_1_file_with_conductor_melody_and_chord_tracks(string name)
    {
        var midi = Read(MidiWriter.Write(SampleLeadSheets.All[name], name));

        Assert.Equal(1, midi.FileFormat);
        Assert.Equal(Ticks, midi.DeltaTicksPerQuarterNote);
        Assert.Equal(3, midi.Tracks);
        Assert.Equal(name, Assert.Single(midi.Events[0].OfType<TextEvent>(), e => e.MetaEventType == MetaEventType.SequenceTrackName).Text);
        Assert.All(Notes(midi, 1), n => Assert.Equal(MidiWriter.MelodyChannel, n.Channel));
        Assert.All(Notes(midi, 2), n => Assert.Equal(MidiWriter.ChordChannel, n.Channel));
        Assert.Equal(MidiWriter.MelodyProgram, Assert.Single(midi.Events[1].OfType<PatchChangeEvent>()).Patch);
        Assert.Equal(MidiWriter.ChordProgram, Assert.Single(midi.Events[2].OfType<PatchChangeEvent>()).Patch);
    }

    [Theory]
    [MemberData(nameof(SampleLeadSheets.Names), MemberType = typeof(SampleLeadSheets))]
    public void The_last_note_and_every_track_end_exactly_on_the_last_barline(string name)
    {
        var sheet = SampleLeadSheets.All[name];
        var midi = Read(MidiWriter.Write(sheet, name));
        var barTicks = sheet.TimeSignature.BarLength.ToTicks(Ticks);
        var end = barTicks * sheet.Measures.Count;

        Assert.Equal(end, Notes(midi, 1).Max(n => n.AbsoluteTime + n.NoteLength));
        Assert.Equal(end, Notes(midi, 2).Max(n => n.AbsoluteTime + n.NoteLength));
        for (var track = 0; track < midi.Tracks; track++)
        {
            var last = midi.Events[track][^1];
            Assert.True(MidiEvent.IsEndTrack(last));
            Assert.Equal(end, last.AbsoluteTime);
        }
    }

    [Theory]
    [MemberData(nameof(SampleLeadSheets.Names), MemberType = typeof(SampleLeadSheets))]
    public void Every_melody_note_starts_lasts_and_sounds_as_written(string name)
    {
        var sheet = SampleLeadSheets.All[name];
        var expected = new List<(long Start, long Length, int Pitch)>();
        long tick = 0;
        foreach (var e in sheet.Events)
        {
            var length = e.Duration.Numerator * Ticks / e.Duration.Denominator;
            if (e.Pitch is { } pitch)
            {
                expected.Add((tick, length, pitch));
            }

            tick += length;
        }

        var midi = Read(MidiWriter.Write(sheet, name));

        Assert.Equal(expected, Notes(midi, 1).Select(n => (n.AbsoluteTime, (long)n.NoteLength, n.NoteNumber)));
    }

    [Theory]
    [InlineData("4/4 in Eb", 625_000, 4, 2, 24, -3, 0)]
    [InlineData("3/4 in F", 500_000, 3, 2, 24, -1, 0)]
    [InlineData("2/4 in F#m", 600_000, 2, 2, 24, 3, 1)]
    [InlineData("2/2 in C", 187_500, 2, 1, 48, 0, 0)] // 160 halves a minute
    [InlineData("6/8 in Dm", 333_333, 6, 3, 36, -1, 1)] // 120 dotted quarters
    [InlineData("12/8 in Gb", 303_030, 12, 3, 36, -6, 0)] // 132 dotted quarters
    public void The_conductor_track_carries_tempo_meter_and_key(string name, int microsecondsPerQuarter, int beats, int beatTypePower, int clocksPerClick, int fifths, int minor)
    {
        var midi = Read(MidiWriter.Write(SampleLeadSheets.All[name], name));
        var conductor = midi.Events[0];

        var tempo = Assert.Single(conductor.OfType<TempoEvent>());
        Assert.Equal(microsecondsPerQuarter, tempo.MicrosecondsPerQuarterNote);
        var meter = Assert.Single(conductor.OfType<TimeSignatureEvent>());
        Assert.Equal(beats, meter.Numerator);
        Assert.Equal(beatTypePower, meter.Denominator);
        Assert.Equal(clocksPerClick, meter.TicksInMetronomeClick);
        var key = Assert.Single(conductor.OfType<KeySignatureEvent>());
        Assert.Equal(fifths, key.SharpsFlats);
        Assert.Equal(minor, key.MajorMinor);
        Assert.All(conductor, e => Assert.Equal(MidiEvent.IsEndTrack(e) ? conductor[^1].AbsoluteTime : 0, e.AbsoluteTime));
    }

    [Fact]
    public void The_melody_in_4_4_lands_on_the_expected_ticks()
    {
        var midi = Read(MidiWriter.Write(SampleLeadSheets.All["4/4 in Eb"], "Eb"));

        (long, long, int)[] expected =
        [
            (0, 480, 63), (480, 240, 65), (720, 240, 67), (960, 960, 70),
            (1920, 160, 72), (2080, 160, 70), (2240, 160, 67), (2880, 360, 68), (3240, 120, 67), (3360, 480, 65),
            (3840, 320, 63), (4160, 320, 65), (4480, 320, 67), (4800, 720, 68), (5520, 240, 70),
            (6240, 1440, 68),
            (7680, 1200, 63), (8880, 720, 63),
        ];
        Assert.Equal(expected, Notes(midi, 1).Select(n => (n.AbsoluteTime, (long)n.NoteLength, n.NoteNumber)));
    }

    [Fact]
    public void Chords_are_held_while_they_last_voiced_in_the_left_hand_with_the_slash_bass_below_and_nothing_for_NC()
    {
        var midi = Read(MidiWriter.Write(SampleLeadSheets.All["4/4 in Eb"], "Eb"));
        var chords = Notes(midi, 2)
            .GroupBy(n => (n.AbsoluteTime, (long)n.NoteLength))
            .Select(g => (g.Key.AbsoluteTime, g.Key.Item2, Pitches: string.Join(' ', g.Select(n => n.NoteNumber).Order())))
            .ToList();

        (long, long, string)[] expected =
        [
            (0, 1920, "51 55 58 62"), // Ebmaj7 over four melody notes: one sustained chord.
            (1920, 960, "48 51 55 58"), // Cm7 through the triplets and the rest.
            (2880, 480, "53 56 60 63"), // Fm7
            (3360, 480, "46 50 53 56"), // Bb7
            (3840, 960, "43 51 55 58"), // Eb/G: G2 under the Eb triad.
            (4800, 960, "44 48 51"), // Ab for the rest of bar 3 ...
            (6240, 1440, "44 48 51"), // ... and restated in bar 4 after a beat of N.C., which sounds nothing.
            (7680, 1920, "51 55 58"), // Eb under a tied note and a repeated one.
        ];
        Assert.Equal(expected, chords);
        Assert.Equal(MidiWriter.ChordVelocity, Notes(midi, 2).Select(n => n.Velocity).Distinct().Single());
        Assert.Equal(MidiWriter.MelodyVelocity, Notes(midi, 1).Select(n => n.Velocity).Distinct().Single());
    }

    [Fact]
    public void A_repeated_note_is_released_before_it_is_struck_again()
    {
        var melody = Read(MidiWriter.Write(SampleLeadSheets.All["4/4 in Eb"], "Eb")).Events[1]
            .Where(e => e.AbsoluteTime == 8880 && e is NoteEvent)
            .ToList();

        Assert.Equal(2, melody.Count);
        Assert.False(MidiEvent.IsNoteOn(melody[0]));
        Assert.True(MidiEvent.IsNoteOn(melody[1]));
    }

    [Fact]
    public void A_tied_note_sounds_as_one_note_across_the_barline()
    {
        var held = SampleLeadSheets.Bar(("G7", 67, "1")).Events[0] with { Tied = true };
        var sheet = SampleLeadSheets.Sheet(
            "4/4",
            "C",
            120,
            SampleLeadSheets.Bar(("C", 60, "2"), ("C", 67, "2")),
            new Measure([held, .. SampleLeadSheets.Bar(("G7", 67, "1"), ("G7", 65, "2")).Events]));

        var notes = Notes(Read(MidiWriter.Write(sheet, "tied")), 1);

        // The second G is struck again (it is not tied); the first is held over the barline for 2 + 1 quarters.
        Assert.Equal(
            [(0L, 2L * Ticks, 60), (2L * Ticks, 3L * Ticks, 67), (5L * Ticks, 1L * Ticks, 67), (6L * Ticks, 2L * Ticks, 65)],
            notes.Select(n => (n.AbsoluteTime, (long)n.NoteLength, n.NoteNumber)));
    }

    [Theory]
    [MemberData(nameof(SampleLeadSheets.Names), MemberType = typeof(SampleLeadSheets))]
    public void The_same_sheet_always_gives_the_same_bytes(string name)
    {
        var sheet = SampleLeadSheets.All[name];

        Assert.Equal(MidiWriter.Write(sheet, name), MidiWriter.Write(sheet with { Measures = [.. sheet.Measures] }, name));
    }

    [Fact]
    public void An_incomplete_bar_is_refused()
    {
        var sheet = SampleLeadSheets.Sheet("4/4", "C", 120, SampleLeadSheets.Bar(("C", 60, "4"))) with
        {
            Measures = [SampleLeadSheets.Bar(("C", 60, "3"))],
        };

        Assert.Throws<ArgumentException>(() => MidiWriter.Write(sheet, "short"));
    }

    private static MidiFile Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return new MidiFile(stream, strictChecking: true);
    }

    private static List<NoteOnEvent> Notes(MidiFile midi, int track) => midi.Events[track].OfType<NoteOnEvent>().Where(MidiEvent.IsNoteOn).ToList();
}

using System.Globalization;
using System.Numerics;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Rendering;

/// <summary>
/// Writes a lead sheet as a MusicXML 4.0 partwise score engraved as a musician would print it: the melody with chord
/// symbols above on a treble staff, and (in the piano layout) the chords as block chords, at most one a beat, on a bass
/// staff. Notes are spelled by the chord under them and cut and tied at the meter's beats (<see cref="BeatSplitter"/>),
/// short notes are beamed by beat (<see cref="BeamGrouper"/>), and accidentals are written wherever a reader needs
/// them (<see cref="BarAccidentals"/>). The sounding music is that of the MIDI file, note for note.
/// </summary>
public static class MusicXmlWriter
{
    public const string PartName = "Lead sheet";
    public const int MelodyStaff = 1;
    public const int ChordStaff = 2;

    // Voice 1 for the first staff and voice 5 for the second is the numbering notation programs use for piano parts.
    public const int MelodyVoice = 1;
    public const int ChordVoice = 5;

    public const string MelodyInstrument = PartId + "-I1";
    public const string ChordInstrument = PartId + "-I2";

    private const string PartId = "P1";

    /// <summary>
    /// The score. <paramref name="encodingDate"/> is written only when given, so the same sheet always gives the same score.
    /// </summary>
    public static XDocument Write(LeadSheet sheet, ScoreHeading heading, DateOnly? encodingDate = null, SheetLayout layout = SheetLayout.Piano)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(heading);
        if (!sheet.IsComplete)
        {
            throw new ArgumentException("Every bar must hold exactly one bar's length of events before it can be written.", nameof(sheet));
        }

        var divisions = Divisions(sheet);
        var melody = MelodyStaffNotes(sheet, divisions);
        var chords = layout == SheetLayout.Piano ? ChordStaffNotes(sheet, divisions) : null;
        var part = new XElement("part", new XAttribute("id", PartId));
        for (var bar = 0; bar < sheet.Measures.Count; bar++)
        {
            part.Add(Measure(sheet, bar, divisions, melody[bar], chords?[bar]));
        }

        var encoding = new XElement("encoding");
        if (encodingDate is { } date)
        {
            encoding.Add(new XElement("encoding-date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        encoding.Add(new XElement("software", "Sith Synth"));
        var identification = new XElement("identification", encoding);
        if (heading.Details.Count > 0)
        {
            identification.Add(new XElement("miscellaneous", heading.Details.Select(d => new XElement("miscellaneous-field", new XAttribute("name", d.Key), d.Value))));
        }

        return new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XDocumentType("score-partwise", "-//Recordare//DTD MusicXML 4.0 Partwise//EN", "http://www.musicxml.org/dtds/partwise.dtd", null),
            new XElement(
                "score-partwise",
                new XAttribute("version", "4.0"),
                new XElement("work", new XElement("work-title", heading.Title)),
                identification,
                new XElement("part-list", ScorePart(layout)),
                part));
    }

    /// <summary>The score with a full title such as <c>SheetFiles.Title</c> writes, read by <see cref="ScoreHeading.FromTitle"/>.</summary>
    public static XDocument Write(LeadSheet sheet, string title, DateOnly? encodingDate = null, SheetLayout layout = SheetLayout.Piano)
    {
        ArgumentNullException.ThrowIfNull(title);
        return Write(sheet, ScoreHeading.FromTitle(title), encodingDate, layout);
    }

    /// <summary>The score as UTF-8 bytes without a byte order mark, indented with LF line ends.</summary>
    public static byte[] ToBytes(XDocument score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            score.Save(writer);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Divisions per quarter: the least common multiple of every length's denominator and the beat's (12 covers
    /// triplets and sixteenths), so notes cut at a beat stay on the grid.
    /// </summary>
    public static long Divisions(LeadSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var meter = sheet.TimeSignature;
        return sheet.Events.Aggregate(Lcm(meter.BarLength.Denominator, meter.PulseLength.Denominator), (lcm, e) => Lcm(lcm, e.Duration.Denominator));
    }

    private static long Lcm(long a, long b) => a / (long)BigInteger.GreatestCommonDivisor(a, b) * b;

    /// <summary>
    /// The part's two instruments, the MIDI file's two tracks: the melody and the chords, each on its channel and
    /// General MIDI program (MusicXML counts programs from 1).
    /// </summary>
    private static XElement ScorePart(SheetLayout layout)
    {
        var instruments = new List<(string Id, string Name, int Channel, int Program)> { (MelodyInstrument, "Flute", MidiWriter.MelodyChannel, MidiWriter.MelodyProgram) };
        if (layout == SheetLayout.Piano)
        {
            instruments.Add((ChordInstrument, "Electric Piano", MidiWriter.ChordChannel, MidiWriter.ChordProgram));
        }

        return new XElement(
            "score-part",
            new XAttribute("id", PartId),
            new XElement("part-name", PartName),
            instruments.Select(i => new XElement("score-instrument", new XAttribute("id", i.Id), new XElement("instrument-name", i.Name))),
            instruments.Select(i => new XElement(
                "midi-instrument",
                new XAttribute("id", i.Id),
                new XElement("midi-channel", i.Channel),
                new XElement("midi-program", i.Program + 1))));
    }

    /// <summary>The melody bar by bar: spelled by the chord under each note, cut at beats, tied, beamed and with its accidentals.</summary>
    private static List<List<WrittenNote>> MelodyStaffNotes(LeadSheet sheet, long divisions)
    {
        var meter = sheet.TimeSignature;
        var bars = new List<List<WrittenNote>>();
        WrittenNote? previous = null;
        int? previousPitch = null;
        foreach (var measure in sheet.Measures)
        {
            var notes = new List<WrittenNote>();
            foreach (var (e, onset) in measure.EventsWithOnsets())
            {
                if (e.Pitch is not { } pitch)
                {
                    notes.AddRange(Rests(meter, onset, e.Duration, divisions));
                    previous = null;
                    previousPitch = null;
                    continue;
                }

                // A note tied from the one before keeps its spelling, whatever chord now sounds.
                var continues = e.Tied && previous is not null && previousPitch == pitch;
                var written = continues ? previous!.Pitches[0] : WrittenPitch.Of(pitch, MelodySpelling.Of(pitch, e.Chord, sheet.Key));
                var pieces = TiedNotes(meter, onset, e.Duration, [written], divisions);
                if (continues)
                {
                    previous!.TieStart = true;
                    pieces[0].TieStop = true;
                }

                notes.AddRange(pieces);
                previous = pieces[^1];
                previousPitch = pitch;
            }

            BeamGrouper.Beam(meter, notes);
            bars.Add(notes);
        }

        MarkAccidentals(sheet.Key, bars);
        return bars;
    }

    /// <summary>
    /// The chords bar by bar as block chords at most once a beat: each beat takes the chord sounding at its start, and
    /// quicker changes show in the chord symbols only.
    /// </summary>
    private static List<List<WrittenNote>> ChordStaffNotes(LeadSheet sheet, long divisions)
    {
        var meter = sheet.TimeSignature;
        var beat = meter.PulseLength;
        var bars = new List<List<WrittenNote>>();
        foreach (var measure in sheet.Measures)
        {
            var events = measure.EventsWithOnsets().ToList();
            var spans = new List<ChordSpan>();
            for (var onset = Duration.Zero; onset < meter.BarLength; onset += beat)
            {
                var chord = events.Last(e => e.Onset <= onset).Event.Chord;
                if (spans.Count > 0 && spans[^1].Chord == chord)
                {
                    spans[^1] = spans[^1] with { Length = spans[^1].Length + beat };
                }
                else
                {
                    spans.Add(new ChordSpan(chord, onset, beat));
                }
            }

            var notes = new List<WrittenNote>();
            foreach (var span in spans)
            {
                var pitches = ChordVoicing.Pitches(span.Chord);
                notes.AddRange(pitches.Count == 0
                    ? Rests(meter, span.Onset, span.Length, divisions)
                    : TiedNotes(meter, span.Onset, span.Length, [.. pitches.Select(p => WrittenPitch.Of(p, ChordSpelling.Tone(span.Chord, sheet.Key, p)))], divisions));
            }

            bars.Add(notes);
        }

        MarkAccidentals(sheet.Key, bars);
        return bars;
    }

    private static List<WrittenNote> TiedNotes(TimeSignature meter, Duration onset, Duration length, List<WrittenPitch> pitches, long divisions)
    {
        var notes = BeatSplitter.Split(meter, onset, length, isRest: false, divisions).Select(p => new WrittenNote(p.Onset, p.Value, pitches)).ToList();
        for (var i = 0; i < notes.Count; i++)
        {
            notes[i].TieStop = i > 0;
            notes[i].TieStart = i < notes.Count - 1;
        }

        return notes;
    }

    private static IEnumerable<WrittenNote> Rests(TimeSignature meter, Duration onset, Duration length, long divisions) => length == meter.BarLength
        ? [new WrittenNote(onset, NoteValue.Split(length, divisions)[0], []) { IsMeasureRest = true }]
        : BeatSplitter.Split(meter, onset, length, isRest: true, divisions).Select(p => new WrittenNote(p.Onset, p.Value, []));

    private static void MarkAccidentals(Key key, List<List<WrittenNote>> bars)
    {
        var accidentals = new BarAccidentals(key);
        foreach (var bar in bars)
        {
            accidentals.NewBar();
            foreach (var note in bar)
            {
                note.Accidentals = [.. note.Pitches.Select(p => accidentals.Show(p, note.TieStop))];
            }

            MarkTriplets(bar);
        }
    }

    /// <summary>Brackets each run of triplet values from its first note until the run lands back on the sixteenth grid.</summary>
    private static void MarkTriplets(List<WrittenNote> bar)
    {
        WrittenNote? open = null;
        WrittenNote? last = null;
        foreach (var note in bar)
        {
            if (!note.Value.IsTriplet)
            {
                if (open is not null)
                {
                    last!.TupletStop = true;
                    open = null;
                }

                continue;
            }

            if (open is null)
            {
                open = note;
                note.TupletStart = true;
            }

            last = note;
            if (BeatSplitter.IsMultiple(note.End, new Duration(1, 4)))
            {
                note.TupletStop = true;
                open = null;
            }
        }

        if (open is not null)
        {
            last!.TupletStop = true;
        }
    }

    private static XElement Measure(LeadSheet sheet, int bar, long divisions, List<WrittenNote> melody, List<WrittenNote>? chords)
    {
        var element = new XElement("measure", new XAttribute("number", bar + 1));
        if (bar == 0)
        {
            element.Add(Attributes(sheet, divisions, chords is null ? 1 : 2), TempoMarking(sheet));
        }

        var changes = ChordSpan.In(sheet.Measures[bar]).ToDictionary(s => s.Onset, s => s.Chord);
        foreach (var note in melody)
        {
            if (changes.Remove(note.Onset, out var chord))
            {
                element.Add(Harmony(chord, sheet.Key));
            }

            element.Add(Note(note, divisions, MelodyVoice, MelodyStaff, MelodyInstrument));
        }

        if (chords is not null)
        {
            element.Add(new XElement("backup", new XElement("duration", sheet.TimeSignature.BarLength.ToTicks(divisions))));
            element.Add(chords.Select(n => Note(n, divisions, ChordVoice, ChordStaff, ChordInstrument)));
        }

        if (bar == sheet.Measures.Count - 1)
        {
            element.Add(new XElement("barline", new XAttribute("location", "right"), new XElement("bar-style", "light-heavy")));
        }

        return element;
    }

    private static XElement Attributes(LeadSheet sheet, long divisions, int staves)
    {
        var attributes = new XElement(
            "attributes",
            new XElement("divisions", divisions),
            new XElement(
                "key",
                new XElement("fifths", sheet.Key.Fifths),
                new XElement("mode", sheet.Key.Mode == KeyMode.Minor ? "minor" : "major")),
            new XElement(
                "time",
                new XElement("beats", sheet.TimeSignature.Beats),
                new XElement("beat-type", sheet.TimeSignature.BeatType)));
        if (staves == 2)
        {
            attributes.Add(new XElement("staves", 2), Clef(MelodyStaff, "G", 2), Clef(ChordStaff, "F", 4));
        }
        else
        {
            attributes.Add(Clef(MelodyStaff, "G", 2));
        }

        return attributes;
    }

    private static XElement Clef(int staff, string sign, int line) => new(
        "clef",
        new XAttribute("number", staff),
        new XElement("sign", sign),
        new XElement("line", line));

    /// <summary>
    /// The metronome mark in the meter's felt beat (a dotted quarter in 6/8, a half in 2/2); &lt;sound tempo&gt; is always
    /// in quarters per minute.
    /// </summary>
    private static XElement TempoMarking(LeadSheet sheet)
    {
        // One plain or dotted value, whatever the meter (quarter, half, dotted quarter).
        var beat = NoteValue.Split(sheet.TimeSignature.PulseLength, divisions: 48).Single();
        return new(
            "direction",
            new XAttribute("placement", "above"),
            new XElement(
                "direction-type",
                new XElement("metronome", new XElement("beat-unit", beat.Type), beat.IsDotted ? new XElement("beat-unit-dot") : null, new XElement("per-minute", sheet.Tempo))),
            new XElement("staff", MelodyStaff),
            new XElement("sound", new XAttribute("tempo", Math.Round(sheet.QuartersPerMinute, 2).ToString(CultureInfo.InvariantCulture))));
    }

    private static XElement Harmony(ChordSymbol chord, Key key)
    {
        var harmony = new XElement("harmony");
        if (chord.IsNoChord)
        {
            // MusicXML needs a root even for "none"; an empty text attribute keeps it from being shown.
            harmony.Add(new XElement("root", new XElement("root-step", new XAttribute("text", ""), "C")));
        }
        else
        {
            var root = ChordSpelling.Root(chord, key);
            harmony.Add(new XElement("root", new XElement("root-step", root.Step), Alter("root-alter", root.Alter)));
        }

        harmony.Add(new XElement("kind", new XAttribute("text", ChordKindNames.Suffix(chord.Kind)), ChordKindNames.MusicXml(chord.Kind)));
        if (chord.Bass is { } bassClass && !chord.IsNoChord)
        {
            var bass = ChordSpelling.Tone(chord, key, bassClass);
            harmony.Add(new XElement("bass", new XElement("bass-step", bass.Step), Alter("bass-alter", bass.Alter)));
        }

        harmony.Add(new XElement("staff", MelodyStaff));
        return harmony;
    }

    private static XElement? Alter(string name, int alter) => alter == 0 ? null : new XElement(name, alter);

    /// <summary>The written note as MusicXML &lt;note&gt; elements, one for each pitch of a stacked chord.</summary>
    private static IEnumerable<XElement> Note(WrittenNote note, long divisions, int voice, int staff, string instrument)
    {
        if (note.IsRest)
        {
            yield return note.IsMeasureRest
                ? new XElement(
                    "note",
                    new XElement("rest", new XAttribute("measure", "yes")),
                    new XElement("duration", note.Value.Length.ToTicks(divisions)),
                    new XElement("voice", voice),
                    new XElement("staff", staff))
                : NoteElement(note, null, null, divisions, voice, staff, null);
            yield break;
        }

        for (var p = 0; p < note.Pitches.Count; p++)
        {
            yield return NoteElement(note, p, note.Accidentals.Count > p ? note.Accidentals[p] : null, divisions, voice, staff, instrument);
        }
    }

    // Children in the order the MusicXML schema requires: chord, pitch or rest, duration, tie, instrument, voice, type,
    // dot, accidental, time-modification, staff, beam, notations.
    private static XElement NoteElement(WrittenNote note, int? pitchIndex, ShownAccidental? accidental, long divisions, int voice, int staff, string? instrument)
    {
        var element = new XElement("note");
        if (pitchIndex is { } index)
        {
            var pitch = note.Pitches[index];
            element.Add(
                index > 0 ? new XElement("chord") : null,
                new XElement("pitch", new XElement("step", pitch.Step), Alter("alter", pitch.Alter), new XElement("octave", pitch.Octave)));
        }
        else
        {
            element.Add(new XElement("rest"));
        }

        element.Add(new XElement("duration", note.Value.Length.ToTicks(divisions)));
        if (note.TieStop)
        {
            element.Add(new XElement("tie", new XAttribute("type", "stop")));
        }

        if (note.TieStart)
        {
            element.Add(new XElement("tie", new XAttribute("type", "start")));
        }

        if (instrument is not null)
        {
            element.Add(new XElement("instrument", new XAttribute("id", instrument)));
        }

        element.Add(new XElement("voice", voice), new XElement("type", note.Value.Type));
        if (note.Value.IsDotted)
        {
            element.Add(new XElement("dot"));
        }

        if (accidental is not null)
        {
            element.Add(new XElement("accidental", accidental.Cautionary ? new XAttribute("cautionary", "yes") : null, accidental.Name));
        }

        if (note.Value.IsTriplet)
        {
            element.Add(new XElement("time-modification", new XElement("actual-notes", 3), new XElement("normal-notes", 2)));
        }

        element.Add(new XElement("staff", staff));

        // Beams belong to the chord as a whole: MusicXML puts them on its first note.
        if (pitchIndex is null or 0)
        {
            element.Add(note.Beams.Select((value, level) => new XElement("beam", new XAttribute("number", level + 1), value)));
        }

        var notations = new XElement("notations");
        if (note.TieStop)
        {
            notations.Add(new XElement("tied", new XAttribute("type", "stop")));
        }

        if (note.TieStart)
        {
            notations.Add(new XElement("tied", new XAttribute("type", "start")));
        }

        if (pitchIndex is null or 0)
        {
            if (note.TupletStart)
            {
                notations.Add(new XElement("tuplet", new XAttribute("type", "start"), new XAttribute("bracket", note.Beams.Count > 0 ? "no" : "yes")));
            }

            if (note.TupletStop)
            {
                notations.Add(new XElement("tuplet", new XAttribute("type", "stop")));
            }
        }

        if (notations.HasElements)
        {
            element.Add(notations);
        }

        return element;
    }
}

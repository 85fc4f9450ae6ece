using System.Globalization;
using System.Numerics;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Rendering;

/// <summary>
/// Writes a lead sheet as a MusicXML 4.0 partwise score engraved as a musician would print it: the melody with chord
/// symbols above on a treble staff, and (in the piano layout) a second part braced to it with the chords as block
/// chords, at most one a beat, on a bass staff. Each part is one instrument, that of its MIDI track. Notes are spelled by the chord under them and cut and tied at the meter's beats (<see cref="BeatSplitter"/>),
/// short notes are beamed by beat (<see cref="BeamGrouper"/>), and accidentals are written wherever a reader needs
/// them (<see cref="BarAccidentals"/>). The sounding music is that of the MIDI file, note for note.
/// </summary>
public static class MusicXmlWriter
{
    public const string MelodyPart = "P1";
    public const string ChordPart = "P2";
    public const string MelodyPartName = "Melody";
    public const string ChordPartName = "Chords";

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
        var parts = new List<XElement>
        {
            new("part", new XAttribute("id", MelodyPart), melody.Select((notes, bar) => Measure(sheet, bar, divisions, notes, isMelody: true))),
        };
        if (layout == SheetLayout.Piano)
        {
            parts.Add(new("part", new XAttribute("id", ChordPart), ChordStaffNotes(sheet, divisions).Select((notes, bar) => Measure(sheet, bar, divisions, notes, isMelody: false))));
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
                PartList(layout),
                parts));
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
    /// Divisions per quarter: the least common multiple of the beat's denominator and every length the models write
    /// (12 covers triplets and sixteenths), and of any other length in the sheet, so notes cut at a beat stay on the grid.
    /// Every sheet of a meter gets the same divisions, whatever lengths it happens to use, so a bar reads the same
    /// (byte for byte) in every sheet that holds it: a rewritten bar with a triplet leaves its neighbours untouched.
    /// </summary>
    public static long Divisions(LeadSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var meter = sheet.TimeSignature;
        var written = TrainingVocabulary.Durations.Aggregate(Lcm(meter.BarLength.Denominator, meter.PulseLength.Denominator), (lcm, d) => Lcm(lcm, d.Denominator));
        return sheet.Events.Aggregate(written, (lcm, e) => Lcm(lcm, e.Duration.Denominator));
    }

    private static long Lcm(long a, long b) => a / (long)BigInteger.GreatestCommonDivisor(a, b) * b;

    /// <summary>
    /// The parts, each the instrument of its MIDI track on its channel and General MIDI program (MusicXML counts
    /// programs from 1); in the piano layout braced together with barlines through both staves, as a grand staff.
    /// </summary>
    private static XElement PartList(SheetLayout layout)
    {
        var melody = ScorePart(MelodyPart, MelodyPartName, "Flute", MidiWriter.MelodyChannel, MidiWriter.MelodyProgram);
        if (layout == SheetLayout.LeadSheet)
        {
            return new XElement("part-list", melody);
        }

        return new XElement(
            "part-list",
            new XElement("part-group", new XAttribute("type", "start"), new XAttribute("number", 1), new XElement("group-symbol", "brace"), new XElement("group-barline", "yes")),
            melody,
            ScorePart(ChordPart, ChordPartName, "Electric Piano", MidiWriter.ChordChannel, MidiWriter.ChordProgram),
            new XElement("part-group", new XAttribute("type", "stop"), new XAttribute("number", 1)));
    }

    private static XElement ScorePart(string id, string name, string instrument, int channel, int program) => new(
        "score-part",
        new XAttribute("id", id),
        new XElement("part-name", name),
        new XElement("score-instrument", new XAttribute("id", id + "-I1"), new XElement("instrument-name", instrument)),
        new XElement("midi-instrument", new XAttribute("id", id + "-I1"), new XElement("midi-channel", channel), new XElement("midi-program", program + 1)));

    /// <summary>The melody bar by bar: spelled by the chord under each note, cut at beats, tied, beamed and with its accidentals.</summary>
    private static List<List<WrittenNote>> MelodyStaffNotes(LeadSheet sheet, long divisions)
    {
        var meter = sheet.TimeSignature;
        var bars = new List<List<WrittenNote>>();
        WrittenNote? previous = null;
        int? previousPitch = null;
        var held = sheet.Measures.Select(HeldNotes).ToList();
        var line = held.SelectMany(bar => bar.Select(h => h.First)).ToList();
        var index = 0;
        foreach (var bar in held)
        {
            var notes = new List<WrittenNote>();
            foreach (var (e, onset, length) in bar)
            {
                var next = ++index < line.Count ? line[index] : null;
                if (e.Pitch is not { } pitch)
                {
                    notes.AddRange(Rests(meter, onset, length, divisions));
                    previous = null;
                    previousPitch = null;
                    continue;
                }

                // A note tied from the one before keeps its spelling, whatever chord now sounds.
                var continues = e.Tied && previous is not null && previousPitch == pitch;
                var written = continues ? previous!.Pitches[0] : WrittenPitch.Of(pitch, MelodySpelling.InLine(pitch, e.Chord, sheet.Key, next));
                var pieces = TiedNotes(meter, onset, length, [written], divisions);
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
    /// The bar's events with each note that the next ones continue (tied, same pitch, same chord) held as one: cut
    /// again at the beats only, so a quarter reads as a quarter, not two eighths tied wherever the model paused.
    /// A tie into the bar, or at a chord change (where its symbol stands), stays a tie.
    /// </summary>
    private static List<(MelodyEvent First, Duration Onset, Duration Length)> HeldNotes(Measure measure)
    {
        var held = new List<(MelodyEvent First, Duration Onset, Duration Length)>();
        foreach (var (e, onset) in measure.EventsWithOnsets())
        {
            if (held.Count > 0 && e.Tied && e.Pitch is not null && e.Pitch == held[^1].First.Pitch && e.Chord == held[^1].First.Chord)
            {
                held[^1] = held[^1] with { Length = held[^1].Length + e.Duration };
            }
            else
            {
                held.Add((e, onset, e.Duration));
            }
        }

        return held;
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

    private static XElement Measure(LeadSheet sheet, int bar, long divisions, List<WrittenNote> notes, bool isMelody)
    {
        var element = new XElement("measure", new XAttribute("number", bar + 1));
        if (bar == 0)
        {
            element.Add(Attributes(sheet, divisions, isMelody ? Clef("G", 2) : Clef("F", 4)));
            if (isMelody)
            {
                element.Add(TempoMarking(sheet));
            }
        }

        var changes = isMelody ? ChordSpan.In(sheet.Measures[bar]).ToDictionary(s => s.Onset, s => s.Chord) : [];
        foreach (var note in notes)
        {
            if (changes.Remove(note.Onset, out var chord))
            {
                element.Add(Harmony(chord, sheet.Key));
            }

            element.Add(Note(note, divisions));
        }

        if (bar == sheet.Measures.Count - 1)
        {
            element.Add(new XElement("barline", new XAttribute("location", "right"), new XElement("bar-style", "light-heavy")));
        }

        return element;
    }

    private static XElement Attributes(LeadSheet sheet, long divisions, XElement clef) => new(
        "attributes",
        new XElement("divisions", divisions),
        new XElement(
            "key",
            new XElement("fifths", sheet.Key.Fifths),
            new XElement("mode", sheet.Key.Mode == KeyMode.Minor ? "minor" : "major")),
        new XElement(
            "time",
            new XElement("beats", sheet.TimeSignature.Beats),
            new XElement("beat-type", sheet.TimeSignature.BeatType)),
        clef);

    private static XElement Clef(string sign, int line) => new(
        "clef",
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
            new XElement("sound", new XAttribute("tempo", Math.Round(sheet.QuartersPerMinute, 2).ToString(CultureInfo.InvariantCulture))));
    }

    private static XElement Harmony(ChordSymbol chord, Key key)
    {
        var harmony = new XElement("harmony");
        if (chord.IsNoChord)
        {
            // "none" needs a root, numeral or function. Over a root, MuseScore 3 prints "CN.C." and Verovio "C",
            // whatever the text attributes say; a numeral (MusicXML 4.0) is beyond MuseScore 3's schema. A function
            // reads "N.C." in MuseScore and blank in Verovio; OSMD skips it, so the web client gives it back an
            // unprinted root (web/src/noChord.ts).
            harmony.Add(new XElement("function", ChordKindNames.Suffix(chord.Kind)));
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

        return harmony;
    }

    private static XElement? Alter(string name, int alter) => alter == 0 ? null : new XElement(name, alter);

    /// <summary>The written note as MusicXML &lt;note&gt; elements, one for each pitch of a stacked chord.</summary>
    private static IEnumerable<XElement> Note(WrittenNote note, long divisions)
    {
        if (note.IsRest)
        {
            yield return note.IsMeasureRest
                ? new XElement(
                    "note",
                    new XElement("rest", new XAttribute("measure", "yes")),
                    new XElement("duration", note.Value.Length.ToTicks(divisions)),
                    new XElement("voice", 1))
                : NoteElement(note, null, null, divisions);
            yield break;
        }

        for (var p = 0; p < note.Pitches.Count; p++)
        {
            yield return NoteElement(note, p, note.Accidentals.Count > p ? note.Accidentals[p] : null, divisions);
        }
    }

    // Children in the order the MusicXML schema requires: chord, pitch or rest, duration, tie, voice, type, dot,
    // accidental, time-modification, beam, notations. Each part is one voice on one staff.
    private static XElement NoteElement(WrittenNote note, int? pitchIndex, ShownAccidental? accidental, long divisions)
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

        element.Add(new XElement("voice", 1), new XElement("type", note.Value.Type));
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

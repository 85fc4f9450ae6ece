using System.Globalization;
using System.Numerics;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Rendering;

/// <summary>
/// Writes a lead sheet as a MusicXML 4.0 partwise score: one part on two staves, the melody with chord symbols above
/// on the treble staff, and the chords written out on the bass staff, restated in every bar.
/// </summary>
public static class MusicXmlWriter
{
    public const string PartName = "Lead sheet";
    public const int MelodyStaff = 1;
    public const int ChordStaff = 2;

    // Voice 1 for the first staff and voice 5 for the second is the numbering notation programs use for piano parts.
    public const int MelodyVoice = 1;
    public const int ChordVoice = 5;

    private const string PartId = "P1";

    /// <summary>
    /// The score. <paramref name="encodingDate"/> is written only when given, so the same sheet always gives the same score.
    /// </summary>
    public static XDocument Write(LeadSheet sheet, string title, DateOnly? encodingDate = null)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(title);
        if (!sheet.IsComplete)
        {
            throw new ArgumentException("Every bar must hold exactly one bar's length of events before it can be written.", nameof(sheet));
        }

        var divisions = Divisions(sheet);
        var part = new XElement("part", new XAttribute("id", PartId));
        for (var bar = 0; bar < sheet.Measures.Count; bar++)
        {
            part.Add(Measure(sheet, bar, divisions));
        }

        var encoding = new XElement("encoding");
        if (encodingDate is { } date)
        {
            encoding.Add(new XElement("encoding-date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        encoding.Add(new XElement("software", "Sith Synth"));

        return new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XDocumentType("score-partwise", "-//Recordare//DTD MusicXML 4.0 Partwise//EN", "http://www.musicxml.org/dtds/partwise.dtd", null),
            new XElement(
                "score-partwise",
                new XAttribute("version", "4.0"),
                new XElement("work", new XElement("work-title", title)),
                new XElement("identification", encoding),
                new XElement("part-list", new XElement("score-part", new XAttribute("id", PartId), new XElement("part-name", PartName))),
                part));
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

    /// <summary>Divisions per quarter: the least common multiple of every length's denominator (12 covers triplets and sixteenths).</summary>
    public static long Divisions(LeadSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return sheet.Events.Aggregate(sheet.TimeSignature.BarLength.Denominator, (lcm, e) => Lcm(lcm, e.Duration.Denominator));
    }

    private static long Lcm(long a, long b) => a / (long)BigInteger.GreatestCommonDivisor(a, b) * b;

    private static XElement Measure(LeadSheet sheet, int bar, long divisions)
    {
        var measure = sheet.Measures[bar];
        var barLength = sheet.TimeSignature.BarLength;
        var element = new XElement("measure", new XAttribute("number", bar + 1));
        if (bar == 0)
        {
            element.Add(Attributes(sheet, divisions), TempoMarking(sheet));
        }

        var spans = ChordSpan.In(measure);
        var chordChanges = spans.ToDictionary(s => s.Onset, s => s.Chord);
        foreach (var (e, onset) in measure.EventsWithOnsets())
        {
            if (chordChanges.TryGetValue(onset, out var chord))
            {
                element.Add(Harmony(chord, sheet.Key));
            }

            if (e.Pitch is { } pitch)
            {
                var written = WrittenPitch.Of(pitch, sheet.Key.Spell(pitch));
                element.Add(TiedNotes([written], e.Duration, divisions, MelodyVoice, MelodyStaff));
            }
            else
            {
                element.Add(Rests(e.Duration, barLength, divisions, MelodyVoice, MelodyStaff));
            }
        }

        element.Add(new XElement("backup", new XElement("duration", barLength.ToTicks(divisions))));
        foreach (var span in spans)
        {
            var pitches = ChordVoicing.Pitches(span.Chord);
            if (pitches.Count == 0)
            {
                element.Add(Rests(span.Length, barLength, divisions, ChordVoice, ChordStaff));
            }
            else
            {
                var written = pitches.Select(p => WrittenPitch.Of(p, ChordSpelling.Tone(span.Chord, sheet.Key, p))).ToList();
                element.Add(TiedNotes(written, span.Length, divisions, ChordVoice, ChordStaff));
            }
        }

        if (bar == sheet.Measures.Count - 1)
        {
            element.Add(new XElement("barline", new XAttribute("location", "right"), new XElement("bar-style", "light-heavy")));
        }

        return element;
    }

    private static XElement Attributes(LeadSheet sheet, long divisions) => new(
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
        new XElement("staves", 2),
        Clef(MelodyStaff, "G", 2),
        Clef(ChordStaff, "F", 4));

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

    /// <summary>A note or chord of <paramref name="length"/>, written as tied values where one value cannot show it.</summary>
    private static IEnumerable<XElement> TiedNotes(List<WrittenPitch> pitches, Duration length, long divisions, int voice, int staff)
    {
        var values = NoteValue.Split(length, divisions);
        for (var i = 0; i < values.Count; i++)
        {
            var tieStop = i > 0;
            var tieStart = i < values.Count - 1;
            for (var p = 0; p < pitches.Count; p++)
            {
                var pitch = pitches[p];
                yield return Note(
                    p > 0 ? new XElement("chord") : null,
                    new XElement("pitch", new XElement("step", pitch.Step), Alter("alter", pitch.Alter), new XElement("octave", pitch.Octave)),
                    values[i],
                    divisions,
                    voice,
                    staff,
                    tieStop,
                    tieStart);
            }
        }
    }

    /// <summary>A silence of <paramref name="length"/>: a whole-bar rest, or rests of the values that add up to it.</summary>
    private static IEnumerable<XElement> Rests(Duration length, Duration barLength, long divisions, int voice, int staff)
    {
        if (length == barLength)
        {
            yield return new XElement(
                "note",
                new XElement("rest", new XAttribute("measure", "yes")),
                new XElement("duration", length.ToTicks(divisions)),
                new XElement("voice", voice),
                new XElement("staff", staff));
            yield break;
        }

        foreach (var value in NoteValue.Split(length, divisions))
        {
            yield return Note(null, new XElement("rest"), value, divisions, voice, staff, tieStop: false, tieStart: false);
        }
    }

    // Children in the order the MusicXML schema requires: chord, pitch or rest, duration, tie, voice, type, dot,
    // time-modification, staff, notations.
    private static XElement Note(XElement? chord, XElement pitchOrRest, NoteValue value, long divisions, int voice, int staff, bool tieStop, bool tieStart)
    {
        var note = new XElement("note", chord, pitchOrRest, new XElement("duration", value.Length.ToTicks(divisions)));
        if (tieStop)
        {
            note.Add(new XElement("tie", new XAttribute("type", "stop")));
        }

        if (tieStart)
        {
            note.Add(new XElement("tie", new XAttribute("type", "start")));
        }

        note.Add(new XElement("voice", voice), new XElement("type", value.Type));
        if (value.IsDotted)
        {
            note.Add(new XElement("dot"));
        }

        if (value.IsTriplet)
        {
            note.Add(new XElement("time-modification", new XElement("actual-notes", 3), new XElement("normal-notes", 2)));
        }

        note.Add(new XElement("staff", staff));
        if (tieStop || tieStart)
        {
            var notations = new XElement("notations");
            if (tieStop)
            {
                notations.Add(new XElement("tied", new XAttribute("type", "stop")));
            }

            if (tieStart)
            {
                notations.Add(new XElement("tied", new XAttribute("type", "start")));
            }

            note.Add(notations);
        }

        return note;
    }
}

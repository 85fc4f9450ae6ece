using System.Globalization;
using System.Xml.Linq;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Corpus;

/// <summary>
/// Reads a lead sheet out of score-partwise MusicXML: the first part's first voice (the top note where it writes
/// chords), its chord symbols, meter and key. Repeats are not expanded: the music is read once, as printed.
/// </summary>
public static class MusicXmlScoreReader
{
    private static readonly string[] MajorTonics = ["Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#"];
    private static readonly string[] MinorTonics = ["Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#", "G#", "D#", "A#"];

    public static ScoreReading Read(XDocument document)
    {
        var root = document.Root;
        if (root is null || root.Name.LocalName != "score-partwise")
        {
            return ScoreReading.Unusable("not score-partwise MusicXML");
        }

        var part = root.Elements("part").FirstOrDefault();
        if (part is null || !part.Elements("measure").Any())
        {
            return ScoreReading.Unusable("no part with measures");
        }

        if (!part.Descendants("harmony").Any())
        {
            return ScoreReading.Unusable("no chord symbols (<harmony>)");
        }

        try
        {
            return ScoreReading.Read(new PartReader(part).Read());
        }
        catch (InvalidDataException e)
        {
            return ScoreReading.Unusable(e.Message);
        }
    }

    /// <summary>The key a signature of <paramref name="fifths"/> names in the given mode.</summary>
    public static Key KeyOf(int fifths, KeyMode mode) =>
        Key.Parse(mode == KeyMode.Major ? MajorTonics[fifths + 7] : MinorTonics[fifths + 7] + "m");

    private sealed record WrittenNote(Duration Onset, Duration Length, int Pitch, bool TieStart, bool TieStop);

    private sealed record WrittenMeasure(
        Duration Length,
        bool Implicit,
        IReadOnlyList<WrittenNote> Notes,
        IReadOnlyList<ChordChange> Harmonies,
        TimeSignature? Time,
        (int Fifths, bool Minor)? Key);

    /// <summary>Walks the part measure by measure, carrying divisions, meter, key and the voice it follows.</summary>
    private sealed class PartReader(XElement part)
    {
        private readonly List<ScoreSegment> _segments = [];
        private readonly List<ChordChange> _harmonies = [];
        private readonly List<string> _unknownKinds = [];
        private long _divisions = 1;
        private string? _voice;
        private string? _staff;
        private int _tiesMerged;

        public Score Read()
        {
            var written = part.Elements("measure").Select(ReadMeasure).ToList();
            var time = written.Any(m => m.Time is not null) ? TimeSignature.Common : UnwrittenMeter(written);
            (int Fifths, bool Minor) key = (0, false);
            var pieceTime = Duration.Zero;
            var brokenBars = 0;
            var pickup = false;
            SegmentBuilder? current = null;
            for (var index = 0; index < written.Count; index++)
            {
                var measure = written[index];
                var changed = (measure.Time is { } t && t != time) || (measure.Key is { } k && k != key);
                time = measure.Time ?? time;
                key = measure.Key ?? key;
                _harmonies.AddRange(measure.Harmonies.Select(h => h with { Onset = h.Onset + pieceTime }));
                if (changed)
                {
                    Close(ref current);
                }

                if (index == 0 && measure.Length < time.BarLength)
                {
                    pickup = true;
                }
                else if (measure.Length != time.BarLength)
                {
                    brokenBars++;
                    Close(ref current);
                }
                else
                {
                    current ??= new SegmentBuilder(time, key, pieceTime);
                    _tiesMerged += current.Add(measure.Notes);
                }

                pieceTime += measure.Length;
            }

            Close(ref current);
            return new Score(_segments, pickup, brokenBars, _unknownKinds, _tiesMerged);
        }

        /// <summary>
        /// A score that writes no meter is read in the quarter-note meter its bars most often fill (2/4, 3/4, 4/4),
        /// else in 4/4 as MusicXML says.
        /// </summary>
        private static TimeSignature UnwrittenMeter(List<WrittenMeasure> measures)
        {
            var usual = measures.GroupBy(m => m.Length).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefault();
            return usual.Denominator == 1 && usual.Numerator is >= 2 and <= 4 ? new TimeSignature((int)usual.Numerator, 4) : TimeSignature.Common;
        }

        private void Close(ref SegmentBuilder? builder)
        {
            if (builder is null)
            {
                return;
            }

            var start = builder.Start;
            var end = start + builder.Length;
            var harmonies = _harmonies.OrderBy(h => h.Onset).ToList();
            var chords = new List<ChordChange> { new(Duration.Zero, harmonies.LastOrDefault(h => h.Onset <= start)?.Chord ?? ChordSymbol.NoChord) };
            foreach (var harmony in harmonies.Where(h => h.Onset > start && h.Onset < end))
            {
                var onset = harmony.Onset - start;
                if (chords[^1].Onset == onset)
                {
                    chords.RemoveAt(chords.Count - 1);
                }

                chords.Add(new ChordChange(onset, harmony.Chord));
            }

            var segment = new ScoreSegment(builder.Time, KeyFor(builder.Key, harmonies.LastOrDefault(h => h.Onset < end && !h.Chord.IsNoChord)?.Chord), builder.Bars, builder.Notes, chords);
            _segments.Add(segment);
            builder = null;
        }

        private WrittenMeasure ReadMeasure(XElement measure)
        {
            var notes = new List<WrittenNote>();
            var harmonies = new List<ChordChange>();
            TimeSignature? time = null;
            (int, bool)? key = null;
            var cursor = Duration.Zero;
            var length = Duration.Zero;
            foreach (var element in measure.Elements())
            {
                switch (element.Name.LocalName)
                {
                    case "attributes":
                        _divisions = PositiveInteger(element.Element("divisions")) ?? _divisions;
                        time = ReadTime(element.Element("time")) ?? time;
                        key = ReadKey(element.Element("key")) ?? key;
                        break;
                    case "backup":
                        cursor -= Length(element);
                        if (cursor < Duration.Zero)
                        {
                            throw new InvalidDataException($"<backup> before the start of measure {measure.Attribute("number")?.Value}");
                        }

                        break;
                    case "forward":
                        cursor += Length(element);
                        break;
                    case "harmony":
                        var offset = Integer(element.Element("offset")) is { } divisions ? new Duration(divisions, _divisions) : Duration.Zero;
                        var at = cursor + offset;
                        harmonies.Add(new ChordChange(at < Duration.Zero ? Duration.Zero : at, ReadHarmony(element)));
                        break;
                    case "note":
                        cursor = ReadNote(element, cursor, notes);
                        break;
                }

                length = cursor > length ? cursor : length;
            }

            return new WrittenMeasure(length, (string?)measure.Attribute("implicit") == "yes", notes, harmonies, time, key);
        }

        /// <summary>Reads one &lt;note&gt; at <paramref name="cursor"/>; keeps it when it is in the followed voice; returns the new cursor.</summary>
        private Duration ReadNote(XElement note, Duration cursor, List<WrittenNote> notes)
        {
            if (note.Element("grace") is not null)
            {
                return cursor;
            }

            var isChordTone = note.Element("chord") is not null;
            var length = Length(note);
            var onset = isChordTone && notes.Count > 0 ? notes[^1].Onset : cursor;
            var voice = (string?)note.Element("voice") ?? "1";
            var staff = (string?)note.Element("staff") ?? "1";
            _voice ??= voice;
            _staff ??= staff;
            var followed = voice == _voice && staff == _staff && note.Element("cue") is null;
            var pitch = note.Element("pitch") is { } written ? MidiPitch(written) : (int?)null;
            if (followed && pitch is { } p)
            {
                var ties = note.Elements("tie").Select(t => (string?)t.Attribute("type"))
                    .Concat(note.Elements("notations").Elements("tied").Select(t => (string?)t.Attribute("type")))
                    .ToList();
                var current = new WrittenNote(onset, length, p, ties.Contains("start"), ties.Contains("stop"));
                if (isChordTone)
                {
                    // The melody is the top note of a written chord.
                    if (notes.Count > 0 && notes[^1].Onset == onset && notes[^1].Pitch < p)
                    {
                        notes[^1] = notes[^1] with { Pitch = p };
                    }
                }
                else if (!length.IsZero)
                {
                    TrimOverlap(notes, onset);
                    notes.Add(current);
                }
            }
            else if (followed && !isChordTone)
            {
                TrimOverlap(notes, onset);
            }

            return isChordTone ? cursor : cursor + length;
        }

        /// <summary>A note that the next one interrupts (an overlap in a sloppy score) is cut where the next begins.</summary>
        private static void TrimOverlap(List<WrittenNote> notes, Duration onset)
        {
            if (notes.Count > 0 && notes[^1].Onset + notes[^1].Length > onset)
            {
                var kept = onset - notes[^1].Onset;
                if (kept > Duration.Zero)
                {
                    notes[^1] = notes[^1] with { Length = kept, TieStart = false };
                }
                else
                {
                    notes.RemoveAt(notes.Count - 1);
                }
            }
        }

        private ChordSymbol ReadHarmony(XElement harmony)
        {
            var kindText = ((string?)harmony.Element("kind"))?.Trim() ?? "";
            if (ChordSymbol.Normalize(kindText) is not { } kind)
            {
                _unknownKinds.Add(kindText.Length == 0 ? "(empty)" : kindText);
                return ChordSymbol.NoChord;
            }

            if (kind == ChordKind.NoChord)
            {
                return ChordSymbol.NoChord;
            }

            var root = harmony.Element("root")
                ?? throw new InvalidDataException($"a '{kindText}' chord symbol without a root");
            var rootClass = PitchClassOf(root.Element("root-step"), root.Element("root-alter"));
            var bass = harmony.Element("bass") is { } b ? PitchClassOf(b.Element("bass-step"), b.Element("bass-alter")) : (int?)null;
            return new ChordSymbol(rootClass, kind, bass == rootClass ? null : bass);
        }

        private Duration Length(XElement element) =>
            new(Integer(element.Element("duration")) ?? 0, _divisions);

        private static TimeSignature? ReadTime(XElement? time)
        {
            if (time is null)
            {
                return null;
            }

            if (time.Element("senza-misura") is not null)
            {
                throw new InvalidDataException("no meter (senza misura)");
            }

            var beats = time.Elements("beats").Select(b => b.Value.Trim()).ToList();
            var beatTypes = time.Elements("beat-type").Select(b => b.Value.Trim()).ToList();
            var text = $"{string.Join("+", beats)}/{string.Join("+", beatTypes)}";
            return beats.Count == 1 && beatTypes.Count == 1 && TimeSignature.TryParse(text, out var parsed)
                ? parsed
                : throw new InvalidDataException($"meter '{text}' cannot be read");
        }

        private static (int, bool)? ReadKey(XElement? key)
        {
            if (Integer(key?.Element("fifths")) is not { } fifths)
            {
                return null;
            }

            if (fifths is < -7 or > 7)
            {
                throw new InvalidDataException($"key signature of {fifths} fifths");
            }

            return ((int)fifths, ((string?)key!.Element("mode"))?.Trim() == "minor");
        }

        /// <summary>
        /// The key of a segment. Exporters write mode "major" by default, so a signature not marked minor is read as
        /// its relative minor when the music ends on that minor chord: the cadence names the key.
        /// </summary>
        private static Key KeyFor((int Fifths, bool Minor) signature, ChordSymbol? finalChord)
        {
            if (signature.Minor)
            {
                return KeyOf(signature.Fifths, KeyMode.Minor);
            }

            var minor = KeyOf(signature.Fifths, KeyMode.Minor);
            var endsOnMinorTonic = finalChord is { Kind: ChordKind.Minor or ChordKind.Minor7 or ChordKind.Minor9 } chord
                && chord.Root == minor.Tonic.PitchClass;
            return endsOnMinorTonic ? minor : KeyOf(signature.Fifths, KeyMode.Major);
        }

        private static int MidiPitch(XElement pitch)
        {
            var octave = Integer(pitch.Element("octave")) ?? throw new InvalidDataException("a pitch without an octave");
            return (int)((octave + 1) * 12) + PitchClassOf(pitch.Element("step"), pitch.Element("alter"), wrap: false);
        }

        private static int PitchClassOf(XElement? step, XElement? alter, bool wrap = true)
        {
            var letter = step?.Value.Trim() ?? "";
            if (letter.Length != 1 || "CDEFGAB".IndexOf(letter[0], StringComparison.Ordinal) < 0)
            {
                throw new InvalidDataException($"step '{letter}' is not a note name");
            }

            var semitones = 0;
            if (alter is not null)
            {
                if (!decimal.TryParse(alter.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount != decimal.Truncate(amount))
                {
                    throw new InvalidDataException($"alteration '{alter.Value}' is microtonal");
                }

                semitones = (int)amount;
            }

            var natural = PitchClass.OfStep(letter[0]);
            return wrap ? PitchClass.Of(natural + semitones) : natural + semitones;
        }

        private static long? Integer(XElement? element) =>
            element is not null && decimal.TryParse(element.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value == decimal.Truncate(value)
                ? (long)value
                : element is null ? null : throw new InvalidDataException($"<{element.Name.LocalName}> '{element.Value}' is not a whole number");

        private static long? PositiveInteger(XElement? element) =>
            Integer(element) is { } value ? value > 0 ? value : throw new InvalidDataException($"<{element!.Name.LocalName}> must be positive") : null;
    }

    /// <summary>Collects whole bars of one meter and key, joining tied notes as it goes.</summary>
    private sealed class SegmentBuilder(TimeSignature time, (int Fifths, bool Minor) key, Duration start)
    {
        private readonly List<WrittenNote> _notes = [];

        public TimeSignature Time => time;

        public (int Fifths, bool Minor) Key => key;

        public Duration Start => start;

        public int Bars { get; private set; }

        public Duration Length => time.BarLength * Bars;

        public IReadOnlyList<ScoreNote> Notes => _notes.Select(n => new ScoreNote(n.Onset, n.Length, n.Pitch)).ToList();

        /// <summary>Adds one bar's notes; returns how many ties it merged.</summary>
        public int Add(IReadOnlyList<WrittenNote> notes)
        {
            var offset = Length;
            var merged = 0;
            foreach (var note in notes)
            {
                var placed = note with { Onset = note.Onset + offset };
                var previous = _notes.Count > 0 ? _notes[^1] : null;
                if (placed.TieStop && previous is { TieStart: true } && previous.Pitch == placed.Pitch && previous.Onset + previous.Length == placed.Onset)
                {
                    _notes[^1] = previous with { Length = previous.Length + placed.Length, TieStart = placed.TieStart };
                    merged++;
                }
                else
                {
                    _notes.Add(placed);
                }
            }

            Bars++;
            return merged;
        }
    }
}

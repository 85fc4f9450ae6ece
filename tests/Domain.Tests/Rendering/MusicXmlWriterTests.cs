using System.Globalization;
using System.Text;
using System.Xml.Linq;
using NAudio.Midi;
using SithSynth.Domain.Music;
using SithSynth.Domain.Rendering;
using static SithSynth.Domain.Tests.Rendering.SampleLeadSheets;
using static SithSynth.Domain.Tests.Rendering.ScoreReading;

namespace SithSynth.Domain.Tests.Rendering;

public class MusicXmlWriterTests
{
    private static readonly Dictionary<string, Duration> TypeLengths = new()
    {
        ["breve"] = Duration.Quarters(8),
        ["whole"] = Duration.Quarters(4),
        ["half"] = Duration.Quarters(2),
        ["quarter"] = Duration.Quarters(1),
        ["eighth"] = new Duration(1, 2),
        ["16th"] = new Duration(1, 4),
        ["32nd"] = new Duration(1, 8),
        ["64th"] = new Duration(1, 16),
    };

    [Theory]
    [MemberData(nameof(SampleLeadSheets.Names), MemberType = typeof(SampleLeadSheets))]
    public void Every_meter_is_valid_against_the_MusicXML_4_0_schema(string name)
    {
        var bytes = MusicXmlWriter.ToBytes(MusicXmlWriter.Write(SampleLeadSheets.All[name], name, new DateOnly(2025, 1, 2)));

        Assert.Empty(MusicXmlSchema.Problems(bytes));
    }

    [Fact]
    public void The_schema_check_catches_elements_out_of_order()
    {
        var score = Write("3/4 in F");
        var note = score.Descendants("note").First(n => n.Element("type") is not null);
        var type = note.Element("type")!;
        type.Remove();
        note.AddFirst(type);

        Assert.NotEmpty(MusicXmlSchema.Problems(MusicXmlWriter.ToBytes(score)));
    }

    [Theory]
    [InlineData("4/4 in Eb", 12, -3, "major", 4, 4, 5)]
    [InlineData("3/4 in F", 12, -1, "major", 3, 4, 5)]
    [InlineData("2/4 in F#m", 12, 3, "minor", 2, 4, 4)]
    [InlineData("2/2 in C", 12, 0, "major", 2, 2, 4)]
    [InlineData("6/8 in Dm", 12, -1, "minor", 6, 8, 4)]
    [InlineData("12/8 in Gb", 12, -6, "major", 12, 8, 3)]
    public void The_first_bar_of_each_part_sets_divisions_key_meter_clef_and_the_melody_the_tempo(string name, int divisions, int fifths, string mode, int beats, int beatType, int bars)
    {
        var score = Write(name);
        var measures = Bars(score, MusicXmlWriter.MelodyPart);
        var attributes = measures[0].Element("attributes")!;
        var chordAttributes = Bars(score, MusicXmlWriter.ChordPart)[0].Element("attributes")!;

        Assert.Equal(bars, measures.Count);
        Assert.Equal(Enumerable.Range(1, bars).Select(n => n.ToString(CultureInfo.InvariantCulture)), measures.Select(m => (string)m.Attribute("number")!));
        Assert.Equal(divisions, (int)attributes.Element("divisions")!);
        Assert.Equal(fifths, (int)attributes.Element("key")!.Element("fifths")!);
        Assert.Equal(mode, (string)attributes.Element("key")!.Element("mode")!);
        Assert.Equal(beats, (int)attributes.Element("time")!.Element("beats")!);
        Assert.Equal(beatType, (int)attributes.Element("time")!.Element("beat-type")!);
        Assert.Equal(attributes.Elements().Where(e => e.Name != "clef").Select(e => e.ToString()), chordAttributes.Elements().Where(e => e.Name != "clef").Select(e => e.ToString()));
        Assert.Equal("G2", (string)attributes.Element("clef")!.Element("sign")! + (string)attributes.Element("clef")!.Element("line")!);
        Assert.Equal("F4", (string)chordAttributes.Element("clef")!.Element("sign")! + (string)chordAttributes.Element("clef")!.Element("line")!);
        Assert.Null(Bars(score, MusicXmlWriter.ChordPart)[0].Element("direction"));
        var tempo = measures[0].Element("direction")!;
        var sheet = SampleLeadSheets.All[name];
        Assert.Equal(sheet.Tempo, (int)tempo.Descendants("per-minute").Single());
        Assert.Equal(sheet.QuartersPerMinute, (double)tempo.Element("sound")!.Attribute("tempo")!, 2);
        Assert.All(measures.Skip(1), m => Assert.Null(m.Element("attributes")));
        Assert.Equal("light-heavy", (string)measures[^1].Element("barline")!.Element("bar-style")!);
        Assert.All(measures.SkipLast(1), m => Assert.Null(m.Element("barline")));
    }

    [Theory]
    [MemberData(nameof(SampleLeadSheets.Names), MemberType = typeof(SampleLeadSheets))]
    public void Each_part_fills_each_bar_exactly_in_one_voice(string name)
    {
        var sheet = SampleLeadSheets.All[name];
        var score = Write(name);
        var divisions = (int)score.Descendants("divisions").First();
        var bar = (int)sheet.TimeSignature.BarLength.ToTicks(divisions);

        foreach (var part in new[] { MusicXmlWriter.MelodyPart, MusicXmlWriter.ChordPart })
        {
            var measures = Bars(score, part);
            Assert.Equal(sheet.Measures.Count, measures.Count);
            foreach (var measure in measures)
            {
                Assert.Equal(bar, StaffLength(measure));
                Assert.Empty(measure.Elements("backup"));
                Assert.All(Notes(measure), n => Assert.Equal(1, (int)n.Element("voice")!));
            }
        }
    }

    [Theory]
    [MemberData(nameof(SampleLeadSheets.Names), MemberType = typeof(SampleLeadSheets))]
    public void Every_note_type_dot_and_triplet_mark_agrees_with_its_duration(string name)
    {
        var score = Write(name);
        var divisions = (int)score.Descendants("divisions").First();

        foreach (var note in score.Descendants("note").Where(n => n.Element("type") is not null))
        {
            var plain = TypeLengths[(string)note.Element("type")!];
            var dotted = note.Element("dot") is not null;
            var modification = note.Element("time-modification");
            if (modification is not null)
            {
                Assert.Equal(3, (int)modification.Element("actual-notes")!);
                Assert.Equal(2, (int)modification.Element("normal-notes")!);
            }

            var written = new Duration(
                plain.Numerator * divisions * (dotted ? 3 : 1) * (modification is not null ? 2 : 1),
                plain.Denominator * (dotted ? 2 : 1) * (modification is not null ? 3 : 1));
            Assert.Equal(Duration.Quarters((int)note.Element("duration")!), written);
        }
    }

    [Fact]
    public void Triplets_are_marked_three_in_the_time_of_two()
    {
        var score = Write("4/4 in Eb");
        var triplets = Notes(Part(score, MusicXmlWriter.MelodyPart)).Where(n => n.Element("time-modification") is not null).ToList();

        // Three triplet eighths in bar 2, three triplet quarters in bar 3.
        Assert.Equal(["eighth:4", "eighth:4", "eighth:4", "quarter:8", "quarter:8", "quarter:8"], triplets.Select(n => $"{(string)n.Element("type")!}:{(int)n.Element("duration")!}"));
        Assert.Equal(["half:16", "half:16", "half:16"], Notes(Part(Write("2/2 in C"), MusicXmlWriter.MelodyPart))
            .Where(n => n.Element("time-modification") is not null)
            .Select(n => $"{(string)n.Element("type")!}:{(int)n.Element("duration")!}"));
    }

    [Theory]
    [MemberData(nameof(SampleLeadSheets.Names), MemberType = typeof(SampleLeadSheets))]
    public void Every_tie_start_is_answered_by_a_tie_stop_on_the_same_pitches(string name)
    {
        var score = Write(name);
        foreach (var part in new[] { MusicXmlWriter.MelodyPart, MusicXmlWriter.ChordPart })
        {
            foreach (var measure in Bars(score, part))
            {
                var sounds = Sounds(measure);
                for (var i = 0; i < sounds.Count; i++)
                {
                    foreach (var note in sounds[i])
                    {
                        var ties = note.Elements("tie").Select(t => (string)t.Attribute("type")!).ToList();
                        var tied = note.Element("notations")?.Elements("tied").Select(t => (string)t.Attribute("type")!).ToList() ?? [];
                        Assert.Equal(ties, tied);
                    }

                    var starts = sounds[i].Where(n => HasTie(n, "start")).Select(PitchName).ToList();
                    if (starts.Count > 0)
                    {
                        Assert.Equal(sounds[i].Select(PitchName), starts);
                        Assert.True(i + 1 < sounds.Count, "A tie must not run past the barline: each bar restates its notes.");
                        Assert.Equal(starts, sounds[i + 1].Where(n => HasTie(n, "stop")).Select(PitchName));
                    }

                    var stops = sounds[i].Count(n => HasTie(n, "stop"));
                    Assert.True(stops == 0 || (i > 0 && sounds[i - 1].All(n => HasTie(n, "start"))), "A tie stop must follow a tie start.");
                }
            }
        }
    }

    [Fact]
    public void A_length_no_single_value_can_show_is_written_as_tied_values()
    {
        var lastBar = Bars(Write("4/4 in Eb"), MusicXmlWriter.MelodyPart)[^1];
        var melody = Notes(lastBar)
            .Select(n => $"{PitchName(n)} {(string)n.Element("type")!}{(n.Element("dot") is null ? "" : ".")} {string.Join('+', n.Elements("tie").Select(t => (string)t.Attribute("type")!))}")
            .ToList();

        // 5/2 from the downbeat: a half tied to an eighth, so the middle of the bar stays visible; then a repeated Eb
        // on the "and" of beat 3, tied at beat 4 rather than a dotted quarter hiding it.
        Assert.Equal(["E-1/4 half start", "E-1/4 eighth stop", "E-1/4 eighth start", "E-1/4 quarter stop"], melody);
    }

    [Theory]
    [InlineData("4/4 in Eb", new[] { "Ebmaj7", "Cm7", "Fm7", "Bb7", "Eb/G", "Ab", "N.C.", "Ab", "Eb" })]
    [InlineData("3/4 in F", new[] { "F", "Bb", "Gm7", "C7", "N.C.", "F/A" })]
    [InlineData("2/4 in F#m", new[] { "F#m", "C#7", "Bm/D", "F#m" })]
    [InlineData("2/2 in C", new[] { "C", "Am/G", "Dm7", "G7", "C/E" })]
    [InlineData("6/8 in Dm", new[] { "Dm", "A7", "Bb", "Gm", "Dm" })]
    [InlineData("12/8 in Gb", new[] { "Gb", "Cb", "Db7", "Gb" })]
    public void Chord_symbols_are_spelled_in_the_key_at_each_change_and_restated_each_bar(string name, string[] expected)
    {
        var harmonies = Write(name).Descendants("harmony").ToList();

        Assert.Equal(expected, harmonies.Select(ChordName));
        Assert.All(harmonies, h => Assert.Equal(MusicXmlWriter.MelodyPart, (string)h.Ancestors("part").Single().Attribute("id")!));
        Assert.All(harmonies, h => Assert.Equal(
            [h.Element("kind")!.Value == "none" ? "function" : "root", "kind", .. h.Element("bass") is null ? Array.Empty<string>() : ["bass"]],
            h.Elements().Select(e => e.Name.LocalName)));
    }

    [Fact]
    public void Each_chord_symbol_stands_just_before_the_melody_note_or_rest_where_the_chord_changes()
    {
        var bar = Bars(Write("4/4 in Eb"), MusicXmlWriter.MelodyPart)[1];
        var sequence = bar.Elements()
            .Select(e => e.Name == "harmony" ? "[" + ChordName(e) + "]" : e.Element("rest") is not null ? "rest" : PitchName(e));

        Assert.Equal(["[Cm7]", "C5", "B-1/4", "G4", "rest", "[Fm7]", "A-1/4", "G4", "[Bb7]", "F4"], sequence);
    }

    [Fact]
    public void Chord_kinds_carry_their_MusicXML_value_and_the_written_suffix()
    {
        var kinds = Write("4/4 in Eb").Descendants("kind").Select(k => $"{(string)k.Attribute("text")!}={k.Value}").Distinct();

        Assert.Equal(["maj7=major-seventh", "m7=minor-seventh", "7=dominant", "=major", "N.C.=none"], kinds);
    }

    [Fact]
    public void Every_chord_kind_of_the_vocabulary_writes_its_MusicXML_kind_and_the_symbol_lead_sheets_print()
    {
        var printed = new Dictionary<ChordKind, string>
        {
            [ChordKind.NoChord] = "N.C.=none",
            [ChordKind.Major] = "=major",
            [ChordKind.Minor] = "m=minor",
            [ChordKind.Dominant7] = "7=dominant",
            [ChordKind.Major7] = "maj7=major-seventh",
            [ChordKind.Minor7] = "m7=minor-seventh",
            [ChordKind.Diminished] = "dim=diminished",
            [ChordKind.Dominant9] = "9=dominant-ninth",
            [ChordKind.Minor9] = "m9=minor-ninth",
        };
        var kinds = MusicXmlWriter.Write(EngravingSheets.ChordKinds, "chord kinds").Descendants("kind").Select(k => $"{(string)k.Attribute("text")!}={k.Value}");

        Assert.Equal(Enum.GetValues<ChordKind>().Select(k => printed[k]), kinds);
    }

    [Fact]
    public void No_chord_is_written_as_a_function_without_a_root_so_no_reader_prints_a_C()
    {
        var harmony = MusicXmlWriter.Write(EngravingSheets.ChordKinds, "chord kinds").Descendants("harmony").Single(h => h.Element("kind")!.Value == "none");

        Assert.Equal("N.C.", (string)harmony.Element("function")!);
        Assert.Null(harmony.Element("root"));
        Assert.Equal("N.C.", (string)harmony.Element("kind")!.Attribute("text")!);
    }

    [Fact]
    public void The_chord_staff_stacks_each_voicing_and_holds_it_while_the_chord_lasts()
    {
        var bar = Bars(Write("4/4 in Eb"), MusicXmlWriter.ChordPart)[2];
        var chords = Sounds(bar)
            .Select(s => string.Join(' ', s.Select(PitchName)) + " " + (string)s[0].Element("type")! + (s[0].Element("dot") is null ? "" : "."))
            .ToList();

        // Eb/G for two beats with G2 below the Eb triad (the slash bass), then Ab for the rest of the bar.
        Assert.Equal(["G2 E-1/3 G3 B-1/3 half", "A-1/2 C3 E-1/3 half"], chords);
    }

    [Theory]
    [InlineData("4/4 in Eb", "quarter", false, 96)]
    [InlineData("2/2 in C", "half", false, 320)]
    [InlineData("6/8 in Dm", "quarter", true, 180)]
    [InlineData("12/8 in Gb", "quarter", true, 198)]
    public void The_metronome_counts_the_felt_beat_and_the_sound_plays_quarters_per_minute(string name, string beatUnit, bool dotted, double quartersPerMinute)
    {
        var metronome = Write(name).Descendants("metronome").Single();
        Assert.Equal(beatUnit, (string)metronome.Element("beat-unit")!);
        Assert.Equal(dotted, metronome.Element("beat-unit-dot") is not null);
        Assert.Equal(quartersPerMinute, (double)Write(name).Descendants("sound").First().Attribute("tempo")!);
    }

    [Fact]
    public void No_chord_and_a_silent_bar_are_rests_on_the_chord_staff()
    {
        var score = Write("3/4 in F");
        var silent = new[] { MusicXmlWriter.MelodyPart, MusicXmlWriter.ChordPart }.Select(p => Bars(score, p)[3].Elements("note").Single()).ToList();

        Assert.All(silent, n => Assert.Equal("yes", (string)n.Element("rest")!.Attribute("measure")!));
        var ncBeat = Bars(Write("4/4 in Eb"), MusicXmlWriter.ChordPart)[3];
        Assert.Equal("rest quarter", string.Join('|', Notes(ncBeat).Take(1).Select(n => $"{(n.Element("rest") is null ? "note" : "rest")} {(string)n.Element("type")!}")));
    }

    [Fact]
    public void Sharps_in_a_minor_key_are_spelled_with_the_octave_of_their_letter()
    {
        var score = Write("2/4 in F#m");
        var melody = Notes(Part(score, MusicXmlWriter.MelodyPart)).Where(n => n.Element("pitch") is not null).Select(PitchName).ToList();
        var c7 = Sounds(Bars(score, MusicXmlWriter.ChordPart)[1])[0].Select(PitchName);

        // MIDI 60 is the leading tone of C# written B#3 (not C4); MIDI 65 is E#4, the leading tone of F#.
        Assert.Equal(["F+1/4", "E+1/4", "F+1/4", "C+1/4", "B+1/3", "C+1/4", "G+1/4", "D4", "E4", "F+1/4"], melody);
        Assert.Equal(["C+1/3", "E+1/3", "G+1/3", "B3"], c7);
    }

    [Fact]
    public void Flats_in_Gb_spell_Cb_in_the_octave_above_B()
    {
        var score = Write("12/8 in Gb");
        var melody = Notes(Part(score, MusicXmlWriter.MelodyPart)).Select(PitchName).ToList();
        var cb = Sounds(Bars(score, MusicXmlWriter.ChordPart)[1])[0].Select(PitchName);

        Assert.Equal("C-1/5", melody[3]);
        Assert.Equal(["C-1/3", "E-1/3", "G-1/3"], cb);
        Assert.Equal("whole.", Notes(Bars(score, MusicXmlWriter.MelodyPart)[^1]).Select(n => (string)n.Element("type")! + (n.Element("dot") is null ? "" : ".")).Single());
    }

    [Fact]
    public void The_header_names_the_work_the_software_and_the_part_and_the_doctype_is_partwise_4_0()
    {
        var score = MusicXmlWriter.Write(SampleLeadSheets.All["3/4 in F"], "Sunny tune", new DateOnly(2025, 3, 4));

        Assert.Equal("score-partwise", score.DocumentType!.Name);
        Assert.Equal("-//Recordare//DTD MusicXML 4.0 Partwise//EN", score.DocumentType.PublicId);
        Assert.Equal("4.0", (string)score.Root!.Attribute("version")!);
        Assert.Equal("Sunny tune", (string)score.Root.Element("work")!.Element("work-title")!);
        Assert.Equal("Sith Synth", (string)score.Descendants("software").Single());
        Assert.Equal("2025-03-04", (string)score.Descendants("encoding-date").Single());
        Assert.Equal([MusicXmlWriter.MelodyPartName, MusicXmlWriter.ChordPartName], score.Descendants("part-name").Select(n => (string)n));
        Assert.Empty(MusicXmlWriter.Write(SampleLeadSheets.All["3/4 in F"], "Sunny tune").Descendants("encoding-date"));
    }

    [Theory]
    [MemberData(nameof(SampleLeadSheets.Names), MemberType = typeof(SampleLeadSheets))]
    public void The_same_sheet_always_gives_the_same_UTF8_bytes_without_a_byte_order_mark(string name)
    {
        var sheet = SampleLeadSheets.All[name];
        var first = MusicXmlWriter.ToBytes(MusicXmlWriter.Write(sheet, name));
        var second = MusicXmlWriter.ToBytes(MusicXmlWriter.Write(sheet with { Measures = [.. sheet.Measures] }, name));

        Assert.Equal(first, second);
        var text = Encoding.UTF8.GetString(first);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE score-partwise PUBLIC", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
    }

    [Theory]
    [MemberData(nameof(EngravingSheets.InKeysNames), MemberType = typeof(EngravingSheets))]
    [MemberData(nameof(EngravingSheets.ChordKindsInKeysNames), MemberType = typeof(EngravingSheets))]
    public void Every_meter_in_24_keys_and_every_chord_kind_in_30_are_valid_against_the_schema_in_both_layouts(string name)
    {
        var sheet = EngravingSheets.Named(name);

        Assert.Empty(MusicXmlSchema.Problems(MusicXmlWriter.ToBytes(MusicXmlWriter.Write(sheet, name))));
        Assert.Empty(MusicXmlSchema.Problems(MusicXmlWriter.ToBytes(MusicXmlWriter.Write(sheet, name, layout: SheetLayout.LeadSheet))));
    }

    [Theory]
    [MemberData(nameof(EngravingSheets.InKeysNames), MemberType = typeof(EngravingSheets))]
    public void The_tied_notes_written_sound_exactly_the_melody_the_MIDI_file_plays(string name)
    {
        var sheet = EngravingSheets.InKeys[name];
        var score = MusicXmlWriter.Write(sheet, name);
        var divisions = (int)score.Descendants("divisions").First();

        // Read the melody back as a player hears it: tied notes join, and each note is its sounding MIDI pitch.
        var written = new List<(long Start, long Length, int Pitch)>();
        long tick = 0;
        foreach (var note in Notes(Part(score, MusicXmlWriter.MelodyPart)))
        {
            var length = (long)note.Element("duration")! * MidiWriter.TicksPerQuarter / divisions;
            if (note.Element("pitch") is { } pitch)
            {
                var midi = (((int)pitch.Element("octave")! + 1) * 12) + PitchClass.OfStep(((string)pitch.Element("step")!)[0]) + ((int?)pitch.Element("alter") ?? 0);
                if (HasTie(note, "stop"))
                {
                    Assert.Equal(midi, written[^1].Pitch);
                    written[^1] = written[^1] with { Length = written[^1].Length + length };
                }
                else
                {
                    written.Add((tick, length, midi));
                }
            }

            tick += length;
        }

        var midiFile = new MidiFile(new MemoryStream(MidiWriter.Write(sheet, name)), strictChecking: true);
        var played = midiFile.Events[1].OfType<NoteOnEvent>().Where(n => n.Velocity > 0).Select(n => (n.AbsoluteTime, (long)n.NoteLength, n.NoteNumber)).ToList();
        Assert.Equal(played, written);
    }

    [Fact]
    public void Splitting_notes_into_tied_values_leaves_the_MIDI_file_byte_for_byte_as_the_sheet_gives_it()
    {
        // The same music as events that the writer must cut and tie, and as events already cut at the beats: the
        // MusicXML reads the same, and the MIDI file, which plays events rather than written values, does not change.
        var whole = Sheet("4/4", "C", 100, Bar(("C", 60, "1/2"), ("C", 64, "3/4"), ("C", 65, "1/4"), ("C", 67, "5/2")));
        var before = MidiWriter.Write(whole, "ties");
        var score = MusicXmlWriter.ToBytes(MusicXmlWriter.Write(whole, "ties"));

        Assert.Equal(before, MidiWriter.Write(whole, "ties"));
        Assert.Contains("<tied type=\"start\" />", Encoding.UTF8.GetString(score), StringComparison.Ordinal);
        Assert.Equal(
            ["eighth", "eighth~", "16th", "16th", "eighth~", "half"],
            Notes(Part(XDocument.Parse(Encoding.UTF8.GetString(score)), MusicXmlWriter.MelodyPart)).Select(n => Rhythm(n).Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_note_tied_from_the_one_before_is_written_with_a_tie_across_the_barline_in_the_same_spelling()
    {
        var tied = new MelodyEvent(ChordSymbol.Parse("Am"), 68, Duration.Quarters(2)) { Tied = true };
        var sheet = Sheet("4/4", "C", 100, Bar(("C", 60, "2"), ("E7", 68, "2")), new Measure([tied, new MelodyEvent(ChordSymbol.Parse("Am"), 69, Duration.Quarters(2))]));
        var bars = Bars(MusicXmlWriter.Write(sheet, "tied"), MusicXmlWriter.MelodyPart);

        var last = Notes(bars[0])[^1];
        var first = Notes(bars[1])[0];
        Assert.True(HasTie(last, "start"));
        Assert.True(HasTie(first, "stop"));
        Assert.Equal("G+1/4", PitchName(last));
        Assert.Equal("G+1/4", PitchName(first)); // Over Am the key would write Ab, but a tie joins one written note.
        Assert.Null(first.Element("accidental"));
        Assert.False(HasTie(Notes(bars[1])[1], "stop"));
    }

    [Theory]
    [InlineData("12/8", "F 1/2, F~ 1/2, F 1/2", "quarter eighth")] // the model's tied eighths: one quarter in the beat
    [InlineData("4/4", "E 1, E~ 1, E~ 2", "whole")]
    [InlineData("6/8", "A 3/2, A~ 3/2", "dotted-half")]
    [InlineData("4/4", "G 1/2, C 1/2, C~ 1, C~ 1/2", "eighth eighth~ quarter~ eighth")] // off the beat across the middle: tied at the beats, as any such note
    public void Notes_the_model_continued_with_ties_in_a_bar_under_one_chord_are_written_as_one_held_note(string meter, string events, string expected)
    {
        var bar = events.Split(", ").Select(e =>
        {
            var (name, length) = (e.Split(' ')[0], e.Split(' ')[1]);
            var tied = name.EndsWith('~');
            var pitch = 60 + PitchClass.OfStep(name[0]);
            return new MelodyEvent(ChordSymbol.Parse("C"), pitch, Duration.Parse(length)) { Tied = tied };
        }).ToList();
        var filled = bar.Aggregate(Duration.Zero, (sum, e) => sum + e.Duration);
        var meterLength = TimeSignature.Parse(meter).BarLength;
        if (filled < meterLength)
        {
            bar.Add(new MelodyEvent(ChordSymbol.Parse("C"), 67, meterLength - filled));
        }

        var sheet = Sheet(meter, "C", 100, new Measure(bar));
        var written = Notes(Part(MusicXmlWriter.Write(sheet, "held"), MusicXmlWriter.MelodyPart))
            .Select(n => Rhythm(n).Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace("half.", "dotted-half", StringComparison.Ordinal));

        Assert.StartsWith(expected, string.Join(' ', written), StringComparison.Ordinal);
    }

    [Fact]
    public void A_note_continued_into_a_new_chord_keeps_its_tie_so_the_symbol_has_a_note_to_stand_on()
    {
        var tied = new MelodyEvent(ChordSymbol.Parse("F"), 60, Duration.Quarters(2)) { Tied = true };
        var sheet = Sheet("4/4", "C", 100, new Measure([new MelodyEvent(ChordSymbol.Parse("C"), 60, Duration.Quarters(2)), tied]));
        var bar = Bars(MusicXmlWriter.Write(sheet, "tied"), MusicXmlWriter.MelodyPart)[0];
        var sequence = bar.Elements().Where(e => e.Name == "harmony" || e.Name == "note")
            .Select(e => e.Name == "harmony" ? "[" + ChordName(e) + "]" : Rhythm(e));

        Assert.Equal(["[C]", "half~", "[F]", "half"], sequence);
    }

    [Fact]
    public void A_tied_event_whose_pitch_differs_from_the_note_before_is_struck_anew()
    {
        var tied = new MelodyEvent(ChordSymbol.Parse("C"), 64, Duration.Quarters(2)) { Tied = true };
        var sheet = Sheet("4/4", "C", 100, new Measure([new MelodyEvent(ChordSymbol.Parse("C"), 60, Duration.Quarters(2)), tied]));

        Assert.DoesNotContain(Notes(Part(MusicXmlWriter.Write(sheet, "tied"), MusicXmlWriter.MelodyPart)), n => n.Element("tie") is not null);
    }

    [Fact]
    public void The_chord_part_strikes_a_block_chord_at_most_once_a_beat_and_quicker_changes_show_in_the_symbols_only()
    {
        var sheet = Sheet("4/4", "C", 100, Bar(("C", 60, "1/2"), ("F", 65, "1/4"), ("G7", 67, "1/4"), ("C", 64, "1"), ("Am", 69, "1/2"), ("Dm", 65, "1/2"), ("G7", 67, "1")));
        var score = MusicXmlWriter.Write(sheet, "chords");

        Assert.Equal(["C", "F", "G7", "C", "Am", "Dm", "G7"], score.Descendants("harmony").Select(ChordName));
        var struck = Sounds(Bars(score, MusicXmlWriter.ChordPart)[0]).Select(s => string.Join(' ', s.Select(PitchName)) + " " + Rhythm(s[0])).ToList();
        // Beats 1 and 2 hold C, beat 3 takes Am (Dm on its "and" is a symbol only), beat 4 G7.
        Assert.Equal(["C3 E3 G3 half", "A2 C3 E3 quarter", "G2 B2 D3 F3 quarter"], struck);
        Assert.All(Notes(Part(score, MusicXmlWriter.ChordPart)), n => Assert.True(new Duration((int)n.Element("duration")!, (int)score.Descendants("divisions").First()) >= Duration.Quarters(1)));
    }

    [Theory]
    [MemberData(nameof(EngravingSheets.Meters), MemberType = typeof(EngravingSheets))]
    public void The_lead_sheet_layout_is_one_part_on_one_treble_staff_with_the_symbols(string meter)
    {
        var sheet = EngravingSheets.Tours[meter];
        var piano = MusicXmlWriter.Write(sheet, meter);
        var lead = MusicXmlWriter.Write(sheet, meter, layout: SheetLayout.LeadSheet);

        Assert.Equal([MusicXmlWriter.MelodyPart], lead.Root!.Elements("part").Select(p => (string)p.Attribute("id")!));
        Assert.Equal([MusicXmlWriter.MelodyPartName], lead.Descendants("part-name").Select(n => (string)n));
        Assert.Empty(lead.Descendants("part-group"));
        Assert.Equal(Part(piano, MusicXmlWriter.MelodyPart).ToString(), Part(lead, MusicXmlWriter.MelodyPart).ToString());
    }

    [Fact]
    public void Each_part_names_the_instrument_channel_and_program_of_its_MIDI_track_and_the_two_are_braced()
    {
        var partList = Write("4/4 in Eb").Root!.Element("part-list")!;

        Assert.Equal(["part-group", "score-part", "score-part", "part-group"], partList.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("brace", (string)partList.Element("part-group")!.Element("group-symbol")!);
        var parts = partList.Elements("score-part").Select(p => (
            Instrument: (string)p.Element("score-instrument")!.Element("instrument-name")!,
            Same: (string)p.Element("score-instrument")!.Attribute("id")! == (string)p.Element("midi-instrument")!.Attribute("id")!,
            Channel: (int)p.Element("midi-instrument")!.Element("midi-channel")!,
            Program: (int)p.Element("midi-instrument")!.Element("midi-program")!)).ToList();
        Assert.Equal([("Flute", true, MidiWriter.MelodyChannel, MidiWriter.MelodyProgram + 1), ("Electric Piano", true, MidiWriter.ChordChannel, MidiWriter.ChordProgram + 1)], parts);
    }

    [Fact]
    public void The_title_is_short_and_the_model_seed_and_variation_go_into_miscellaneous_fields()
    {
        var score = MusicXmlWriter.Write(SampleLeadSheets.All["4/4 in Eb"], "Lead sheet in Eb major, 4/4 (model transformer, seed 11, variation 2)");

        Assert.Equal("Lead sheet in Eb major", (string)score.Descendants("work-title").Single());
        Assert.Equal(["model=transformer", "seed=11", "variation=2"], score.Descendants("miscellaneous-field").Select(f => $"{(string)f.Attribute("name")!}={f.Value}"));
    }

    private static XDocument Write(string name) => MusicXmlWriter.Write(SampleLeadSheets.All[name], name);
}

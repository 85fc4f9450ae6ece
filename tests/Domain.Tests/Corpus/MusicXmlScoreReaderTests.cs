using SithSynth.Domain.Corpus;
using SithSynth.Domain.Music;
using static SithSynth.Domain.Tests.Corpus.MusicXmlText;

namespace SithSynth.Domain.Tests.Corpus;

public class MusicXmlScoreReaderTests
{
    private static Score ReadScore(params string[] measures)
    {
        var reading = MusicXmlScoreReader.Read(Score(measures));
        Assert.Null(reading.Problem);
        return reading.Score!;
    }

    [Fact]
    public void Tied_notes_across_a_barline_become_one_note()
    {
        var score = ReadScore(
            Attributes() + Harmony("C", "major") + Note("C", 4, 8) + Note("E", 4, 8, extra: TieStart),
            Note("E", 4, 4, extra: TieStop) + Note("G", 4, 12));

        var notes = score.Segments.Single().Notes;
        Assert.Equal([60, 64, 67], notes.Select(n => n.Pitch));
        Assert.Equal(new Duration(3, 1), notes[1].Length);
        Assert.Equal(new Duration(2, 1), notes[1].Onset);
        Assert.Equal(1, score.TiesMerged);
    }

    [Fact]
    public void A_tie_to_a_different_pitch_is_not_merged()
    {
        var score = ReadScore(Attributes() + Harmony("C", "major") + Note("C", 4, 8, extra: TieStart) + Note("D", 4, 8, extra: TieStop));

        Assert.Equal(2, score.Segments.Single().Notes.Count);
        Assert.Equal(0, score.TiesMerged);
    }

    [Fact]
    public void Harmony_reads_root_alteration_kind_bass_and_offset()
    {
        var score = ReadScore(
            Attributes() + Harmony("B", "minor-seventh", alter: -1) + Note("C", 4, 8) + Harmony("E", "dominant-13th", alter: -1, bassStep: "G", offset: 4) + Note("D", 4, 8));

        var chords = score.Segments.Single().Chords;
        Assert.Equal(new ChordChange(Duration.Zero, new ChordSymbol(10, ChordKind.Minor7)), chords[0]);
        Assert.Equal(new ChordChange(new Duration(3, 1), new ChordSymbol(3, ChordKind.Dominant9, 7)), chords[1]);
    }

    [Fact]
    public void A_chord_lasts_into_the_next_bars_until_the_next_harmony()
    {
        var segment = ReadScore(
            Attributes() + Harmony("F", "major-sixth") + Note("C", 4, 16),
            Note("D", 4, 16),
            Harmony("G", "dominant") + Note("E", 4, 16)).Segments.Single();

        Assert.Equal(new ChordSymbol(5, ChordKind.Major), segment.ChordAt(new Duration(5, 1)));
        Assert.Equal(new ChordSymbol(7, ChordKind.Dominant7), segment.ChordAt(new Duration(8, 1)));
    }

    [Fact]
    public void An_unknown_chord_kind_is_read_as_no_chord_and_counted()
    {
        var score = ReadScore(Attributes() + Harmony("C", "minor-major") + Note("C", 4, 16));

        Assert.True(score.Segments.Single().ChordAt(Duration.Zero).IsNoChord);
        Assert.Equal(["minor-major"], score.UnknownChordKinds);
    }

    [Fact]
    public void A_score_without_chord_symbols_is_refused_with_a_reason()
    {
        var reading = MusicXmlScoreReader.Read(Score(Attributes() + Note("C", 4, 16)));

        Assert.Null(reading.Score);
        Assert.Contains("harmony", reading.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_incomplete_first_bar_is_dropped_as_a_pickup_and_its_chord_carries_on()
    {
        var score = ReadScore(
            Attributes() + Harmony("G", "dominant") + Note("G", 4, 4),
            Harmony("C", "major", offset: 4) + Note("E", 4, 16));

        var segment = score.Segments.Single();
        Assert.True(score.PickupDropped);
        Assert.Equal(1, segment.Bars);
        Assert.Equal([64], segment.Notes.Select(n => n.Pitch));
        Assert.Equal(new ChordSymbol(7, ChordKind.Dominant7), segment.ChordAt(Duration.Zero));
        Assert.Equal(new ChordSymbol(0, ChordKind.Major), segment.ChordAt(new Duration(1, 1)));
    }

    [Fact]
    public void A_meter_change_starts_a_new_segment()
    {
        var score = ReadScore(
            Attributes() + Harmony("C", "major") + Note("C", 4, 16),
            Note("D", 4, 16),
            Time(3, 4) + Note("E", 4, 12),
            Note("F", 4, 12));

        Assert.Equal([new TimeSignature(4, 4), new TimeSignature(3, 4)], score.Segments.Select(s => s.TimeSignature));
        Assert.Equal([2, 2], score.Segments.Select(s => s.Bars));
        Assert.Equal([64, 65], score.Segments[1].Notes.Select(n => n.Pitch));
        Assert.Equal(Duration.Zero, score.Segments[1].Notes[0].Onset);
    }

    [Fact]
    public void A_short_bar_in_the_middle_breaks_the_segment_and_is_left_out()
    {
        var score = ReadScore(
            Attributes() + Harmony("C", "major") + Note("C", 4, 16),
            Note("D", 4, 8),
            Note("E", 4, 16));

        Assert.Equal([1, 1], score.Segments.Select(s => s.Bars));
        Assert.Equal(1, score.BrokenBars);
        Assert.Equal([64], score.Segments[1].Notes.Select(n => n.Pitch));
    }

    [Fact]
    public void Only_the_first_voice_is_read_and_the_top_of_a_written_chord_is_the_melody()
    {
        var score = ReadScore(
            Attributes() + Harmony("C", "major")
            + Note("C", 4, 8, extra: "<voice>1</voice>") + Note("G", 4, 8, extra: "<chord/><voice>1</voice>")
            + "<note><grace/><pitch><step>B</step><octave>4</octave></pitch></note>"
            + Note("D", 4, 8, extra: "<voice>1</voice>")
            + "<backup><duration>16</duration></backup>"
            + Note("C", 3, 16, extra: "<voice>2</voice>"));

        var segment = score.Segments.Single();
        Assert.Equal([67, 62], segment.Notes.Select(n => n.Pitch));
        Assert.Equal(1, segment.Bars);
    }

    [Fact]
    public void Forward_leaves_silence_that_is_read_as_rest()
    {
        var segment = ReadScore(
            Attributes() + Harmony("C", "major") + "<forward><duration>8</duration></forward>" + Note("C", 4, 8)).Segments.Single();

        Assert.Equal(new Duration(2, 1), segment.Notes.Single().Onset);
        Assert.Equal(1, segment.Bars);
    }

    [Fact]
    public void A_divisions_change_keeps_lengths_exact()
    {
        var segment = ReadScore(
            Attributes() + Harmony("C", "major") + Note("C", 4, 16),
            "<attributes><divisions>3</divisions></attributes>" + Note("D", 4, 1) + Note("E", 4, 1) + Note("F", 4, 1) + "<note><rest/><duration>9</duration></note>").Segments.Single();

        Assert.Equal(2, segment.Bars);
        Assert.Equal(new Duration(1, 3), segment.Notes[1].Length);
        Assert.Equal(new Duration(14, 3), segment.Notes[3].Onset);
    }

    [Fact]
    public void A_signature_marked_minor_or_ending_on_its_relative_minor_reads_as_minor()
    {
        var marked = ReadScore(Attributes(fifths: 1, mode: "minor") + Harmony("E", "minor") + Note("E", 4, 16)).Segments.Single();
        var cadence = ReadScore(Attributes(fifths: -1, mode: null) + Harmony("D", "minor") + Note("D", 4, 16)).Segments.Single();
        var major = ReadScore(Attributes(fifths: -1) + Harmony("F", "major") + Note("F", 4, 16)).Segments.Single();

        Assert.Equal(Key.Parse("Em"), marked.Key);
        Assert.Equal(Key.Parse("Dm"), cadence.Key);
        Assert.Equal(Key.Parse("F"), major.Key);
    }

    [Fact]
    public void A_score_without_a_meter_takes_the_meter_its_bars_fill()
    {
        var reading = MusicXmlScoreReader.Read(Score(
            $"<attributes><divisions>{Divisions}</divisions></attributes>" + Harmony("C", "major") + Note("C", 4, 12),
            Note("D", 4, 12)));

        Assert.Equal(new TimeSignature(3, 4), reading.Score!.Segments.Single().TimeSignature);
        Assert.Equal(2, reading.Score.Segments.Single().Bars);
    }
}

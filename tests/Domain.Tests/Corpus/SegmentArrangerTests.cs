using SithSynth.Domain.Corpus;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Corpus;

public class SegmentArrangerTests
{
    private static readonly TimeSignature FourFour = new(4, 4);

    private static ScoreSegment Segment(Key key, int bars, ScoreNote[] notes, params ChordChange[] chords) =>
        new(FourFour, key, bars, notes, chords.Length == 0 ? [new ChordChange(Duration.Zero, ChordSymbol.NoChord)] : chords);

    private static ScoreNote Note(int onsetQuarters, Duration length, int pitch) => new(Duration.Quarters(onsetQuarters), length, pitch);

    private static HomeKeyArrangement Arrange(ScoreSegment segment, CorpusTally? tally = null)
    {
        var arrangement = SegmentArranger.Arrange(segment, tally ?? new CorpusTally(), out var problem);
        Assert.Null(problem);
        return arrangement!;
    }

    [Fact]
    public void A_major_key_moves_to_C_the_nearest_way_with_its_chords()
    {
        // E flat major: down three semitones, not up nine.
        var segment = Segment(Key.Parse("Eb"), 1, [Note(0, Duration.Quarters(4), 67)], new ChordChange(Duration.Zero, new ChordSymbol(3, ChordKind.Major7)));

        var arrangement = Arrange(segment);

        var e = arrangement.Runs.Single().Single().Events.Single();
        Assert.Equal(64, e.Pitch);
        Assert.Equal(new ChordSymbol(0, ChordKind.Major7), e.Chord);
        Assert.Equal(Key.CMajor, arrangement.Key);
        Assert.Equal(-3, arrangement.Shift);
    }

    [Fact]
    public void A_minor_key_moves_to_A_minor()
    {
        var segment = Segment(Key.Parse("Em"), 1, [Note(0, Duration.Quarters(4), 64)], new ChordChange(Duration.Zero, new ChordSymbol(4, ChordKind.Minor)));

        var arrangement = Arrange(segment);

        var e = arrangement.Runs.Single().Single().Events.Single();
        Assert.Equal(69, e.Pitch);
        Assert.Equal(new ChordSymbol(9, ChordKind.Minor), e.Chord);
        Assert.Equal(Key.Parse("Am"), arrangement.Key);
    }

    [Fact]
    public void A_melody_outside_the_range_moves_by_octaves_and_a_too_wide_one_is_refused()
    {
        var high = Arrange(Segment(Key.CMajor, 1, [Note(0, Duration.Quarters(2), 84), Note(2, Duration.Quarters(2), 90)]));
        var wide = SegmentArranger.Arrange(Segment(Key.CMajor, 1, [Note(0, Duration.Quarters(2), 40), Note(2, Duration.Quarters(2), 80)]), new CorpusTally(), out var problem);

        Assert.Equal([72, 78], high.Runs.Single().Single().Events.Select(e => e.Pitch!.Value));
        Assert.Null(wide);
        Assert.Contains("wider", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_note_across_a_barline_is_split_at_the_barline_and_tied_over_it()
    {
        var tally = new CorpusTally();
        var arrangement = Arrange(Segment(Key.CMajor, 2, [Note(0, Duration.Quarters(3), 60), Note(3, Duration.Quarters(2), 62), Note(5, Duration.Quarters(3), 64)]), tally);

        var bars = arrangement.Runs.Single();
        Assert.Equal([(60, "3"), (62, "1")], bars[0].Events.Select(e => (e.Pitch!.Value, e.Duration.ToString())));
        Assert.Equal([(62, "1"), (64, "3")], bars[1].Events.Select(e => (e.Pitch!.Value, e.Duration.ToString())));
        Assert.Equal([false, false, true, false], bars.SelectMany(b => b.Events).Select(e => e.Tied));
        Assert.Equal(1, tally.NotesSplitAtBarline);
        Assert.Equal(1, tally.TiedEvents);
    }

    [Fact]
    public void A_held_note_under_a_chord_change_gets_an_event_per_chord()
    {
        var tally = new CorpusTally();
        var segment = Segment(
            Key.CMajor,
            1,
            [Note(0, Duration.Quarters(4), 60)],
            new ChordChange(Duration.Zero, new ChordSymbol(0, ChordKind.Major)),
            new ChordChange(Duration.Quarters(2), new ChordSymbol(7, ChordKind.Dominant7)));

        var events = Arrange(segment, tally).Runs.Single().Single().Events;

        Assert.Equal(["C", "G7"], events.Select(e => e.Chord.ToString()));
        Assert.Equal([false, true], events.Select(e => e.Tied));
        Assert.All(events, e => Assert.Equal(Duration.Quarters(2), e.Duration));
        Assert.Equal(1, tally.NotesSplitAtChordChange);
    }

    [Fact]
    public void A_length_that_is_no_single_token_becomes_tied_notes_and_is_counted()
    {
        var tally = new CorpusTally();
        var events = Arrange(Segment(Key.CMajor, 1, [Note(0, new Duration(5, 2), 60)]), tally).Runs.Single().Single().Events;

        Assert.Equal(["2", "1/2", "3/2"], events.Select(e => e.Duration.ToString()));
        Assert.Equal([60, 60, null], events.Select(e => e.Pitch));
        Assert.Equal([false, true, false], events.Select(e => e.Tied));
        Assert.Equal(1, tally.NotesSplitIntoDurations);
    }

    [Fact]
    public void Silence_is_one_rest_per_chord_and_slash_chords_lose_their_bass()
    {
        var tally = new CorpusTally();
        var segment = Segment(Key.CMajor, 1, [Note(3, Duration.Quarters(1), 60)], new ChordChange(Duration.Zero, new ChordSymbol(0, ChordKind.Major, 4)));

        var events = Arrange(segment, tally).Runs.Single().Single().Events;

        Assert.Equal([(null, "3"), ((int?)60, "1")], events.Select(e => (e.Pitch, e.Duration.ToString())));
        Assert.All(events, e => Assert.Null(e.Chord.Bass));
        Assert.Equal(1, tally.BassesDropped);
    }

    [Fact]
    public void A_bar_no_durations_can_write_is_left_out_and_breaks_the_run()
    {
        var tally = new CorpusTally();
        var quintuplet = new Duration(1, 5);
        var notes = new List<ScoreNote> { Note(0, Duration.Quarters(4), 60) };
        notes.AddRange(Enumerable.Range(0, 5).Select(i => new ScoreNote(Duration.Quarters(4) + (quintuplet * i), quintuplet, 62)));
        notes.Add(new ScoreNote(Duration.Quarters(5), Duration.Quarters(3), 64));
        notes.Add(Note(8, Duration.Quarters(4), 65));

        var arrangement = Arrange(Segment(Key.CMajor, 3, [.. notes]), tally);

        Assert.Equal([1, 1], arrangement.Runs.Select(r => r.Count));
        Assert.Equal(1, tally.BarsDropped.Values.Sum());
    }

    [Fact]
    public void A_meter_outside_the_vocabulary_is_refused()
    {
        var segment = new ScoreSegment(new TimeSignature(6, 4), Key.CMajor, 1, [Note(0, Duration.Quarters(6), 60)], [new ChordChange(Duration.Zero, ChordSymbol.NoChord)]);

        Assert.Null(SegmentArranger.Arrange(segment, new CorpusTally(), out var problem));
        Assert.Equal("meter 6/4 is not in the vocabulary", problem);
    }
}

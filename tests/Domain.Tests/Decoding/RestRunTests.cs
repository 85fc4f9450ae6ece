using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Decoding;

public sealed class RestRunTests
{
    private static MelodyEvent E(string chord, int? pitch, string duration) => new(ChordSymbol.Parse(chord), pitch, Duration.Parse(duration));

    private static string Text(IEnumerable<MelodyEvent> events) =>
        string.Join(" ", events.Select(e => $"{e.Chord}:{(e.Pitch is { } p ? p.ToString(System.Globalization.CultureInfo.InvariantCulture) : "r")}/{e.Duration}{(e.Tied ? "~" : "")}"));

    [Fact]
    public void Rests_back_to_back_under_one_chord_become_one_rest()
    {
        var merged = RestRun.Merge([E("C", 60, "1"), E("C", 62, "1"), E("C", 64, "1/2"), E("C", 64, "1/2"), E("C", null, "1/2"), E("C", null, "1/2")]);

        Assert.Equal(Text([E("C", 60, "1"), E("C", 62, "1"), E("C", 64, "1/2"), E("C", 64, "1/2"), E("C", null, "1")]), Text(merged));
    }

    [Fact]
    public void A_run_of_three_takes_one_duration_where_there_is_one_and_notes_and_chords_keep_rests_apart()
    {
        // A quarter, an eighth and an eighth of rest: a half. A rest under G after one under C stays its own.
        var merged = RestRun.Merge([E("C", null, "1"), E("C", null, "1/2"), E("C", null, "1/2"), E("G", null, "1"), E("G", 67, "1")]);

        Assert.Equal(Text([E("C", null, "2"), E("G", null, "1"), E("G", 67, "1")]), Text(merged));
    }

    [Fact]
    public void A_length_no_one_duration_spells_is_split_longest_first_as_the_corpus_reader_splits_it()
    {
        // A half and a dotted half of rest: 5 quarters, a whole and a quarter.
        var merged = RestRun.Merge([E("C", null, "2"), E("C", null, "3")]);

        Assert.Equal(Text([E("C", null, "4"), E("C", null, "1")]), Text(merged));
    }

    [Fact]
    public void Events_without_two_rests_together_come_back_as_they_were()
    {
        MelodyEvent[] events = [E("C", null, "1"), E("C", 60, "1"), E("C", null, "1"), E("F", 65, "1") with { Tied = true }];

        Assert.Equal(events, RestRun.Merge(events));
    }
}

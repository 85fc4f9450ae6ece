using SithSynth.Domain.Analysis;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Analysis;

public class SoundingNoteTests
{
    private static MelodyEvent E(int? pitch, string duration, bool tied = false) => new(ChordSymbol.Parse("C"), pitch, Duration.Parse(duration)) { Tied = tied };

    [Fact]
    public void Tied_events_join_the_note_they_continue_across_the_barline()
    {
        var measures = new[]
        {
            new Measure([E(60, "2"), E(64, "2")]),
            new Measure([E(64, "1", tied: true), E(64, "1"), E(null, "2")]),
        };

        var notes = SoundingNote.Of(measures);

        Assert.Equal(
            [(0, "0", 60, "2"), (0, "2", 64, "3"), (1, "1", 64, "1")],
            notes.Select(n => (n.Bar, n.Onset.ToString(), n.Pitch, n.Length.ToString())));
    }

    [Fact]
    public void A_tie_after_a_rest_or_to_another_pitch_starts_a_note()
    {
        var notes = SoundingNote.Of([new Measure([E(null, "1"), E(60, "1", tied: true), E(62, "2", tied: true)])]);

        Assert.Equal([60, 62], notes.Select(n => n.Pitch));
    }
}

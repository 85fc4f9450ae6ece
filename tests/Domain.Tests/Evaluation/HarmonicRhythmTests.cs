using SithSynth.Domain.Evaluation;
using static SithSynth.Domain.Tests.Evaluation.Sheets;

namespace SithSynth.Domain.Tests.Evaluation;

public class HarmonicRhythmTests
{
    [Fact]
    public void Changes_runs_spans_and_chords_per_bar_are_counted_by_hand()
    {
        var sheet = Sheet(
            "C:60:4",
            "C:62:4",
            "C:64:4",
            "F:65:2 G7:67:1/2 C:64:1/2 Dm:62:1",
            "Dm:62:4",
            "G7:67:4");

        var facts = HarmonicRhythm.Of(sheet);

        // C (bars 1–3 and into 4), F, G7 (an eighth), C (an eighth), Dm (into bar 5), G7: six spans, five changes.
        Assert.Equal(new HarmonicRhythmFacts(6, 5, 3, 6, 2, 4), facts);
    }

    [Fact]
    public void A_chord_held_over_the_barline_is_one_span_and_the_beat_is_the_felt_pulse()
    {
        // In 6/8 the beat is a dotted quarter: a quarter-note chord is shorter than a beat, a dotted quarter is not.
        var sheet = Sheet("6/8", SithSynth.Domain.Music.Key.CMajor, "C:60:3/2 G7:62:1 C:64:1/2", "C:~64:3/2 C:67:3/2");

        var facts = HarmonicRhythm.Of(sheet);

        Assert.Equal(new HarmonicRhythmFacts(2, 2, 1, 3, 1, 3), facts);
    }
}

using SithSynth.Domain.CoWriting;
using SithSynth.Domain.Evaluation;
using static SithSynth.Domain.Tests.Evaluation.Sheets;

namespace SithSynth.Domain.Tests.Evaluation;

public class SpanFiguresTests
{
    private static readonly string[] Source = ["C:60:4", "C:62:4", "G7:64:4", "C:65:4"];

    [Fact]
    public void A_span_is_measured_with_its_joins_and_the_chord_change_into_it()
    {
        // Bars 2–3 rewritten: 60 → 72 (a leap into the span), 72 → 71 (a step inside), 71 → 71 (a repeat inside) and
        // 71 → 65 (a fourth out of it). The harmony changes C → F into bar 2 and F → G7 inside bar 3: two in two bars.
        var rewritten = new RewrittenSpan(Sheet(Source), Sheet("C:60:4", "F:72:2 F:71:2", "G7:71:4", "C:65:4"), new BarSpan(2, 3));

        var figures = SpanFigures.Of([rewritten]);

        Assert.True(rewritten.KeptIntact);
        Assert.True(rewritten.Changed);
        Assert.Equal(0.25, figures.IntervalShare(IntervalClass.Larger), 12);
        Assert.Equal(0.25, figures.IntervalShare(IntervalClass.Step), 12);
        Assert.Equal(0.25, figures.IntervalShare(IntervalClass.Repeat), 12);
        Assert.Equal(0.25, figures.IntervalShare(IntervalClass.FourthOrFifth), 12);
        Assert.Equal(0.5, figures.JoinLeaps, 12);
        Assert.Equal(1, figures.ChordChangesPerBar, 12);
        Assert.Equal(0, figures.SixteenthShare, 12);
    }

    [Fact]
    public void A_take_that_touches_a_kept_bar_or_repeats_the_source_is_counted_as_such()
    {
        var touched = new RewrittenSpan(Sheet(Source), Sheet("C:60:4", "C:62:4", "G7:64:4", "C:67:4"), new BarSpan(2, 3));
        var newKeptBar = new RewrittenSpan(Sheet(Source), Sheet("C:60:4", "C:64:4", "G7:64:4", "C:67:4"), new BarSpan(2, 3));

        var figures = SpanFigures.Of([touched, newKeptBar]);

        Assert.False(touched.KeptIntact);
        Assert.False(touched.Changed);
        Assert.False(newKeptBar.KeptIntact);
        Assert.True(newKeptBar.Changed);
        Assert.Equal(0, figures.KeptIntact, 12);
        Assert.Equal(0.5, figures.Changed, 12);
    }

    [Fact]
    public void Durations_are_compared_per_meter_and_the_worst_meter_is_reported()
    {
        var span = new RewrittenSpan(Sheet(Source), Sheet("C:60:4", "C:62:2 C:64:2", "G7:64:4", "C:65:4"), new BarSpan(2, 2));
        var human = FigureSet.Of([new MeasuredSheet(Sheet("C:60:2 C:62:1 C:64:1"), Sheet("C:60:4").Key, [SithSynth.Domain.Analysis.Density.Med])]);

        // Two halves against half, quarter, quarter: shares 1 against 1/3 for the half.
        Assert.Equal(2 / 3.0, SpanFigures.Of([span]).WorstDurationDistance(human)!.Value, 12);
        Assert.Throws<ArgumentException>(() => SpanFigures.Of([]));
    }
}

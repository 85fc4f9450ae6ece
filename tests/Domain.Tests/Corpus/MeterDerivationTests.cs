using SithSynth.Domain.Corpus;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Corpus;

public class MeterDerivationTests
{
    private static readonly ChordSymbol C = new(0, ChordKind.Major);

    private static Measure Bar(params (int? Pitch, Duration Length)[] events) => new(events.Select(e => new MelodyEvent(C, e.Pitch, e.Length)).ToList());

    [Fact]
    public void Two_six_eight_bars_make_one_twelve_eight_bar_and_an_odd_last_bar_is_left_out()
    {
        var dotted = new Duration(3, 2);
        var run = Enumerable.Range(0, 3).Select(i => Bar((60 + i, dotted), (62 + i, dotted))).ToList();

        var rebarred = new MeterDerivation(new(6, 8), new(12, 8)).Rebar(run).Single();

        var bar = Assert.Single(rebarred);
        Assert.Equal([60, 62, 61, 63], bar.Events.Select(e => e.Pitch!.Value));
        Assert.Equal(new TimeSignature(12, 8).BarLength, bar.Length);
    }

    [Fact]
    public void Halving_breaks_the_run_where_a_note_crosses_the_middle()
    {
        var two = Duration.Quarters(2);
        var run = new List<Measure>
        {
            Bar((60, two), (62, two)),
            Bar((64, Duration.Quarters(1)), (65, two), (67, Duration.Quarters(1))),
            Bar((69, two), (71, two)),
        };

        var runs = new MeterDerivation(new(4, 4), new(2, 4)).Rebar(run);

        Assert.Equal([2, 2], runs.Select(r => r.Count));
        Assert.Equal([69, 71], runs[1].Select(b => b.Events.Single().Pitch!.Value));
    }

    [Fact]
    public void Four_four_read_as_two_two_keeps_every_bar()
    {
        var run = new List<Measure> { Bar((60, Duration.Quarters(4))), Bar((62, Duration.Quarters(3)), (null, Duration.Quarters(1))) };

        var rebarred = new MeterDerivation(new(4, 4), new(2, 2)).Rebar(run).Single();

        Assert.Equal(run.Select(b => b.Events), rebarred.Select(b => b.Events));
    }
}

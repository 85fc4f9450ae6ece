using SithSynth.Domain.CoWriting;
using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Decoding;

public sealed class KeptForcingTests
{
    private static IReadOnlyList<Measure> Decode(Scoring scoring, ulong seed, TimeSignature meter, KeptBars? kept = null) =>
        new ConstrainedDecoder(new StandInModel(scoring, seed)).Decode(ConstrainedDecoderTests.Conditions(meter, 12), new SamplingOptions(), seed, kept: kept).Measures;

    [Theory]
    [InlineData("4/4")]
    [InlineData("3/4")]
    [InlineData("6/8")]
    public void Kept_bars_come_back_event_for_event_and_the_new_bars_join_them_as_the_old_ones_did(string meterText)
    {
        var meter = TimeSignature.Parse(meterText);
        var (tiedIn, tiedOut) = (0, 0);
        for (ulong seed = 0; seed < 30; seed++)
        {
            // Stand-ins that love ties hold notes across most barlines, so both joins are tried often.
            var source = Decode(seed % 2 == 0 ? Scoring.Ties : Scoring.Random, seed, meter);
            var span = new BarSpan(4 + (int)(seed % 3), 8);
            var rewritten = Decode(Scoring.Random, seed + 1000, meter, KeptBars.Around(source, span));

            Assert.Equal(source.Count, rewritten.Count);
            Assert.All(Enumerable.Range(1, source.Count).Where(b => !span.Contains(b)), b => Assert.Equal(source[b - 1].Events, rewritten[b - 1].Events));
            var first = span.First - 1;
            Assert.Equal(source[first].Events[0].Tied, rewritten[first].Events[0].Tied);
            tiedIn += source[first].Events[0].Tied ? 1 : 0;
            if (source[span.Last].Events[0].Tied)
            {
                // The kept bar holds the note the new one ends on: same pitch, chord and length as before.
                Assert.Equal(source[span.Last - 1].Events[^1] with { Tied = false }, rewritten[span.Last - 1].Events[^1] with { Tied = false });
                tiedOut++;
            }
        }

        Assert.True(tiedIn >= 3 && tiedOut >= 3, $"joins tried: {tiedIn} tied into the span, {tiedOut} tied out of it");
    }

    [Fact]
    public void A_primer_opens_the_sheet_as_written_and_the_rest_is_new()
    {
        var meter = TimeSignature.Common;
        for (ulong seed = 0; seed < 10; seed++)
        {
            var primer = Decode(Scoring.Random, seed, meter).Take(4).ToList();
            var sheet = Decode(Scoring.Random, seed + 50, meter, KeptBars.Opening(primer, 12));

            Assert.Equal(12, sheet.Count);
            Assert.All(Enumerable.Range(0, 4), b => Assert.Equal(primer[b].Events, sheet[b].Events));
        }
    }

    [Fact]
    public void Kept_bars_are_forced_above_the_ending_so_a_kept_last_bar_stays_as_it_was()
    {
        var meter = TimeSignature.Common;
        var source = Decode(Scoring.Random, 3, meter);
        var unended = source.Select((m, i) => i == source.Count - 1 ? new Measure([new MelodyEvent(ChordSymbol.Parse("G7"), 71, meter.BarLength)]) : m).ToList();

        var rewritten = Decode(Scoring.Random, 9, meter, KeptBars.Around(unended, new BarSpan(2, 3)));

        Assert.Equal(unended[^1].Events, rewritten[^1].Events);
    }
}

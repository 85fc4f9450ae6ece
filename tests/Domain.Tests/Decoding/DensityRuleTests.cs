using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Decoding;

public class DensityRuleTests
{
    private static RulePlayer Player(params Density[] densities) => Player("4/4", PhrasePosition.Inner, densities);

    private static RulePlayer Player(string meter, PhrasePosition phrase, params Density[] densities) =>
        new(meter, new DensityRule([.. densities.Select(d => new BarCondition(TimeSignature.Parse(meter), phrase, 0, d)), new BarCondition(TimeSignature.Parse(meter), PhrasePosition.Final2, 0, Density.Med)]), bars: densities.Length + 1);

    [Fact]
    public void A_bar_short_of_its_least_keeps_a_quarter_for_each_note_still_wanted()
    {
        // Med wants 3 notes: the first of 4 beats leaves a quarter each for the two still wanted, so at most a half note.
        var player = Player(Density.Med, Density.Med).Play("chord:C note:60");
        Assert.True(player.Allows("dur:2"));
        Assert.False(player.Allows("dur:3"));

        // Two beats left, one note still wanted after this one: at most a quarter.
        player.Play("dur:2 chord:C note:62");
        Assert.True(player.Allows("dur:1"));
        Assert.False(player.Allows("dur:3/2"));

        // A rest is an event but no note: after it three notes are still wanted, a quarter each.
        var resting = Player(Density.Med, Density.Med).Play("chord:C note:rest");
        Assert.True(resting.Allows("dur:1"));
        Assert.False(resting.Allows("dur:3/2"));
    }

    [Fact]
    public void Where_quarters_would_not_fit_the_notes_still_wanted_keep_an_eighth_each()
    {
        // High wants 5 in 4 beats: after the first, four are wanted, which fit as eighths only.
        var player = Player(Density.High, Density.High).Play("chord:C note:60");

        Assert.True(player.Allows("dur:2"));
        Assert.False(player.Allows("dur:3"));
    }

    [Fact]
    public void Once_its_least_is_reached_a_bar_takes_any_duration()
    {
        var player = Player(Density.Med, Density.Med).Play("chord:C note:60 dur:1/2 chord:C note:62 dur:1/2 chord:C note:64");

        Assert.True(player.Allows("dur:3"));
    }

    [Theory]
    [InlineData("4/4", PhrasePosition.End2, Density.Med)]
    [InlineData("2/4", PhrasePosition.Inner, Density.High)]
    public void Phrase_ends_breathe_and_a_least_that_needs_sixteenths_is_not_kept(string meter, PhrasePosition phrase, Density density)
    {
        var player = Player(meter, phrase, density, density).Play("chord:C note:60");

        Assert.True(player.Allows(meter == "2/4" ? "dur:2" : "dur:4"));
    }

    [Theory]
    [InlineData(Density.Low, 1)]
    [InlineData(Density.Med, 3)]
    [InlineData(Density.High, 5)]
    public void A_phrases_last_bar_takes_no_more_than_its_bins_fewest_notes(Density density, int fewest)
    {
        var player = Player("4/4", PhrasePosition.End2, density, density).Play(string.Concat(Enumerable.Repeat("chord:C note:60 dur:1/4 ", fewest)) + "chord:C");

        Assert.False(player.Allows("note:62"));
        Assert.True(player.Allows("tie"));
    }

    [Fact]
    public void The_final_bar_keeps_no_least_so_it_can_end_on_a_long_note()
    {
        var player = Player(Density.Med).Play("chord:C note:60 dur:4 bar chord:C note:60");

        Assert.True(player.Allows("dur:4"));
    }

    [Fact]
    public void A_low_bar_takes_no_third_note_but_holds_and_rests()
    {
        var player = Player(Density.Low, Density.Low).Play("chord:C note:60 dur:1 chord:C note:62 dur:1 chord:C");

        Assert.False(player.Allows("note:64"));
        Assert.True(player.Allows("tie"));
        Assert.True(player.Allows("note:rest"));
    }

    [Fact]
    public void Ties_and_rests_are_no_notes_and_the_count_starts_again_each_bar()
    {
        var player = Player(Density.Low, Density.Med).Play("chord:C note:60 dur:1 chord:C tie dur:1 chord:C note:rest dur:1 chord:C");
        Assert.True(player.Allows("note:64"));

        player.Play("note:64 dur:1 bar chord:C note:60 dur:1 chord:C note:62 dur:1 chord:C note:64 dur:1/2 chord:C note:65 dur:1/2 chord:C");
        Assert.False(player.Allows("note:67"));
    }

    [Fact]
    public void A_high_bar_has_no_most()
    {
        var player = Player(Density.High).Play(string.Concat(Enumerable.Repeat("chord:C note:60 dur:1/2 ", 7)) + "chord:C");

        Assert.True(player.Allows("note:62"));
    }

    [Fact]
    public void Decoded_bars_never_overflow_their_bins_whatever_the_model_scores_but_the_final_bar_must_end()
    {
        var bars = PhrasePlan.For(8).Select((p, i) => new BarCondition(TimeSignature.Parse("12/8"), p, 0, i % 2 == 0 ? Density.Low : Density.Med)).ToList();
        for (var seed = 0UL; seed < 6; seed++)
        {
            var measures = new ConstrainedDecoder(new StandInModel(Scoring.Random, seed)).Decode(bars, new SamplingOptions(), seed).Measures;
            // The final bar's ending (a tonic note after the last change) outranks the rule, as every grammar mask does.
            for (var bar = 0; bar < measures.Count - 1; bar++)
            {
                var notes = measures[bar].Events.Count(e => !e.IsRest && !e.Tied);
                Assert.True(notes <= (bar % 2 == 0 ? 2 : 4), $"seed {seed}, bar {bar + 1}: {notes} notes");
            }
        }
    }
}

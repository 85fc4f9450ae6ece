using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Decoding;

public class HarmonicRhythmRuleTests
{
    private static RulePlayer Player(string meter) => new(meter, new HarmonicRhythmRule(TimeSignature.Parse(meter)), bars: 8);

    [Theory]
    [InlineData("4/4", "dur:1/2", false)]
    [InlineData("4/4", "dur:1", true)]
    [InlineData("3/4", "dur:3/2", false)]
    [InlineData("3/4", "dur:2", true)]
    [InlineData("2/2", "dur:1", false)]
    [InlineData("2/2", "dur:2", true)]
    [InlineData("6/8", "dur:1", false)]
    [InlineData("6/8", "dur:3/2", true)]
    [InlineData("12/8", "dur:2", false)]
    [InlineData("12/8", "dur:3", true)]
    public void A_chord_changes_only_on_a_beat_of_the_meter(string meter, string first, bool changes)
    {
        var player = Player(meter).Play($"chord:C note:60 {first}");

        Assert.Equal(changes, player.Allows("chord:G7"));
        Assert.True(player.Allows("chord:C"));
    }

    [Fact]
    public void The_first_chord_of_a_bar_is_free_and_a_tie_keeps_the_rule()
    {
        var player = Player("4/4").Play("chord:C note:60 dur:4 bar");
        Assert.True(player.Allows("chord:F"));

        player.Play("chord:F tie dur:1/2");
        Assert.False(player.Allows("chord:C"));
        Assert.True(player.Allows("chord:F"));
    }

    [Fact]
    public void A_bar_of_five_beats_changes_chord_at_most_four_times()
    {
        var player = Player("5/4").Play("chord:F note:60 dur:4 chord:F note:60 dur:1 bar");
        player.Play("chord:C note:60 dur:1 chord:G note:62 dur:1 chord:F note:64 dur:1");
        Assert.True(player.Allows("chord:C"));

        // The change on the downbeat counts: C, G, F and C make four, so the fifth beat keeps C.
        player.Play("chord:C note:60 dur:1");
        Assert.False(player.Allows("chord:G"));
        Assert.True(player.Allows("chord:C"));
    }

    [Theory]
    [InlineData("4/4")]
    [InlineData("3/4")]
    [InlineData("2/2")]
    [InlineData("6/8")]
    [InlineData("12/8")]
    public void Decoded_sheets_change_chord_only_on_beats_whatever_the_model_scores(string meter)
    {
        var timeSignature = TimeSignature.Parse(meter);
        var decoded = new ConstrainedDecoder(new StandInModel(Scoring.Random, 3)).Decode(ConstrainedDecoderTests.Conditions(timeSignature, 16), new SamplingOptions(), 17);

        ChordSymbol? previous = null;
        var changes = 0;
        foreach (var measure in decoded.Measures)
        {
            var onset = Duration.Zero;
            foreach (var e in measure.Events)
            {
                if (previous is not null && e.Chord != previous)
                {
                    changes++;
                    Assert.True(timeSignature.IsOnPulse(onset), $"{e.Chord} at {onset} in {meter}");
                }

                previous = e.Chord;
                onset += e.Duration;
            }
        }

        Assert.True(changes >= 16, $"only {changes} changes: random scores should still change chord on beats");
    }

    [Fact]
    public void One_chord_fills_at_most_four_whole_bars()
    {
        var player = Player("4/4").Play("chord:F note:65 dur:2 chord:C note:60 dur:2 bar");
        player.Play(string.Concat(Enumerable.Repeat("chord:C note:60 dur:4 bar ", 3)));
        // C began on beat 3, so three whole bars so far: a fourth is still allowed.
        Assert.True(player.Allows("chord:C"));

        player.Play("chord:C note:60 dur:4 bar");
        Assert.False(player.Allows("chord:C"));
        Assert.True(player.Allows("chord:F"));

        // Within the bar the held chord may go on (only the downbeat moves it).
        Assert.True(Player("4/4").Play(string.Concat(Enumerable.Repeat("chord:C note:60 dur:4 bar ", 3)) + "chord:C note:60 dur:2").Allows("chord:C"));
    }

    [Fact]
    public void A_change_wanted_off_the_beat_is_carried_to_the_next_beat()
    {
        var rule = new HarmonicRhythmRule(TimeSignature.Common);
        var player = new RulePlayer("4/4", rule).Play("chord:C note:60 dur:1/2");
        var tokens = RulePlayer.Tokens;
        var c = tokens.IdOf("chord:C");
        var g = tokens.IdOf("chord:G7");
        var buffer = new float[tokens.Count];

        // Off the beat the model wants G7 badly; the mask keeps C, and the wish is remembered.
        var wanting = Scores(tokens.Count, (c, -5), (g, 5));
        Assert.True(wanting.AsSpan() == rule.CarryChange(player.Cursor, wanting, tokens.ChordIds, [c], 1, buffer));

        // On the beat it prefers to stay (a change of about 1%), but the wish raises the change to 95%.
        player.Play("chord:C note:62 dur:1/2");
        var content = Scores(tokens.Count, (c, 10), (g, 0.4f));
        var allowed = tokens.ChordIds.ToList();
        Assert.True(Change(content, allowed, c) < 0.05);
        var carried = rule.CarryChange(player.Cursor, content, tokens.ChordIds, allowed, 1, buffer).ToArray();
        Assert.InRange(Change(carried, allowed, c), 0.94, 0.96);
        Assert.True(carried[g] > carried[tokens.IdOf("chord:F")], "the model's order among other chords is kept");

        // Carried once: the beat after that hears the model as it is.
        player.Play("chord:C note:64 dur:1");
        Assert.True(content.AsSpan() == rule.CarryChange(player.Cursor, content, tokens.ChordIds, allowed, 1, buffer));
    }

    [Fact]
    public void On_a_downbeat_after_a_whole_bar_on_one_chord_the_odds_of_holding_it_are_halved()
    {
        var rule = new HarmonicRhythmRule(TimeSignature.Common);
        var tokens = RulePlayer.Tokens;
        var c = tokens.IdOf("chord:C");
        var g = tokens.IdOf("chord:G7");
        var allowed = tokens.ChordIds.ToList();
        var buffer = new float[tokens.Count];
        var content = Scores(tokens.Count, (c, 2), (g, 1));
        static double Odds(double change) => (1 - change) / change;

        // Within the first bar the model is heard as it is; on the next downbeat C has filled a whole bar.
        var player = new RulePlayer("4/4", rule).Play("chord:C note:60 dur:2");
        Assert.True(content.AsSpan() == rule.CarryChange(player.Cursor, content, tokens.ChordIds, allowed, 1, buffer));

        player.Play("chord:C note:62 dur:2 bar");
        var held = rule.CarryChange(player.Cursor, content, tokens.ChordIds, allowed, 1, buffer).ToArray();
        Assert.Equal(HarmonicRhythmRule.LongHoldStay, Odds(Change(held, allowed, c)) / Odds(Change(content, allowed, c)), 3);
        Assert.True(held[g] == content[g], "the other chords keep their scores");
    }

    private static float[] Scores(int count, params (int Id, float Score)[] scores)
    {
        var logits = new float[count];
        foreach (var (id, score) in scores)
        {
            logits[id] = score;
        }

        return logits;
    }

    private static double Change(ReadOnlySpan<float> logits, List<int> allowed, int current)
    {
        var max = float.NegativeInfinity;
        foreach (var id in allowed)
        {
            max = Math.Max(max, logits[id]);
        }

        double total = 0, stay = 0;
        foreach (var id in allowed)
        {
            total += Math.Exp(logits[id] - max);
            stay += id == current ? Math.Exp(logits[id] - max) : 0;
        }

        return 1 - (stay / total);
    }
}

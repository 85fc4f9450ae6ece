using SithSynth.Domain.CoWriting;
using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Tests.Decoding;

public sealed class JoinGuidanceTests
{
    private static readonly TokenVocabulary Tokens = RulePlayer.Tokens;

    // A whole bar of C on one pitch (a rest where null).
    private static Measure Bar(int? pitch) => new([new MelodyEvent(ChordSymbol.Parse("C"), pitch, Duration.Parse("4"))]);

    // Four bars of 4/4: bar 1 kept ending on C4, bar 2 written, bar 3 kept opening on C5 (or as given), bar 4 written.
    private static KeptBars Kept(Measure? third = null) =>
        new([Bar(60), null, third ?? Bar(72), null], [null, Bar(62), null, Bar(64)]);

    // Plays the tokens through a cursor and the guidance, then applies it at the slot reached.
    private static float[] Leaned(string played, KeptBars? kept, double temperature = 1)
    {
        var cursor = new SheetCursor(TimeSignature.Common, 4, TrainingVocabulary.OnsetResolution, TrainingVocabulary.MaxOnset);
        var keeping = new KeptForcing(Tokens, kept, 4);
        var join = new JoinGuidance(Tokens, keeping, kept, 4);
        foreach (var text in played.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = RulePlayer.Token(text);
            join.Observe(cursor, token);
            keeping.Written(token, cursor);
            cursor.Advance(token);
        }

        return join.Apply(cursor, new float[Tokens.Count], temperature, new float[Tokens.Count]).ToArray();
    }

    private static double Weight(float[] scores, string token, double temperature = 1) => Math.Exp(scores[Tokens.IdOf(token)] / temperature);

    [Fact]
    public void The_first_note_after_a_kept_bar_and_before_the_next_is_weighted_down_beyond_a_fifth_of_either()
    {
        // After C4 (kept bar 1) and before C5 (kept bar 3): G4 is a fifth from both; F4 a fourth up, a fifth down.
        var scores = Leaned("chord:C note:60 dur:4 bar chord:C", Kept());

        foreach (var near in new[] { "note:67", "note:65", "note:66", "note:rest" })
        {
            Assert.Equal(1, Weight(scores, near), 4);
        }

        // B3 is a step from C4 but more than a fifth below C5; D5 the same the other way.
        foreach (var far in new[] { "note:59", "note:74", "note:48", "note:84" })
        {
            Assert.Equal(JoinGuidance.FarWeight, Weight(scores, far), 4);
        }
    }

    [Fact]
    public void Later_notes_of_the_bar_before_a_kept_one_lean_only_toward_the_note_they_meet()
    {
        // C4 sung in the written bar itself: the kept bar 1 no longer pulls; C5 of bar 3 still does.
        var scores = Leaned("chord:C note:60 dur:4 bar chord:C note:60 dur:1 chord:C", Kept(), temperature: 0.5);

        Assert.Equal(JoinGuidance.FarWeight, Weight(scores, "note:60", 0.5), 4);
        Assert.Equal(1, Weight(scores, "note:65", 0.5), 4);
        Assert.Equal(1, Weight(scores, "note:79", 0.5), 4);
        Assert.Equal(JoinGuidance.FarWeight, Weight(scores, "note:80", 0.5), 4);
    }

    [Fact]
    public void A_kept_bar_of_rest_passes_the_pull_to_the_first_note_sung_after_it()
    {
        // Bar 3 kept as a rest with nothing kept after it: nothing to meet, so only the kept C4 behind pulls.
        var scores = Leaned("chord:C note:60 dur:4 bar chord:C", Kept(Bar(null)));

        Assert.Equal(1, Weight(scores, "note:53"), 4);
        Assert.Equal(1, Weight(scores, "note:67"), 4);
        Assert.Equal(JoinGuidance.FarWeight, Weight(scores, "note:68"), 4);
        Assert.Equal(JoinGuidance.FarWeight, Weight(scores, "note:52"), 4);
    }

    [Theory]
    [InlineData("chord:C")]
    [InlineData("chord:C note:60")]
    [InlineData("chord:C note:60 dur:4 bar chord:C note:67 dur:4 bar chord:C")]
    public void Nothing_leans_in_kept_bars_at_other_slots_or_without_kept_bars(string played)
    {
        // Bar 1 and bar 3 are kept (forced, never sampled); a chord or duration slot is not a note.
        Assert.All(Leaned(played, Kept()), s => Assert.Equal(0, s));
        Assert.All(Leaned("chord:C note:60 dur:4 bar chord:C", kept: null), s => Assert.Equal(0, s));
    }
}

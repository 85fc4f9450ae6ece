using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Tests.Decoding;

public class MelodyGuidanceTests
{
    private static readonly TokenVocabulary Tokens = RulePlayer.Tokens;

    // Plays the tokens through a cursor and the guidance, then applies it at the slot reached.
    private static float[] Leaned(string played, double temperature = 1, KeyMode mode = KeyMode.Major)
    {
        var cursor = new SheetCursor(TimeSignature.Common, 4, TrainingVocabulary.OnsetResolution, TrainingVocabulary.MaxOnset);
        var melody = new MelodyGuidance(Tokens, mode);
        foreach (var text in played.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            melody.Observe(RulePlayer.Token(text));
            cursor.Advance(RulePlayer.Token(text));
        }

        return melody.Apply(cursor, new float[Tokens.Count], temperature, new float[Tokens.Count]).ToArray();
    }

    private static double Weight(float[] scores, string token, double temperature = 1) => Math.Exp(scores[Tokens.IdOf(token)] / temperature);

    [Fact]
    public void After_a_pitch_the_scale_notes_a_step_away_are_weighted_and_the_rest_are_not()
    {
        // From E at home in C major: D and F are scale steps; E♭ and F♯ are chromatic.
        var scores = Leaned("chord:C note:64 dur:1 chord:C");

        foreach (var step in new[] { "note:62", "note:65" })
        {
            Assert.Equal(MelodyGuidance.StepWeight, Weight(scores, step), 4);
        }

        foreach (var other in new[] { "note:64", "note:63", "note:66", "note:61", "note:67", "note:rest" })
        {
            Assert.Equal(1, Weight(scores, other), 4);
        }
    }

    [Fact]
    public void In_minor_the_steps_are_those_of_A_minor()
    {
        // From A: G and G♯ (natural and raised seventh) and B are steps of A minor; B♭ is not.
        var scores = Leaned("chord:Am note:69 dur:1 chord:Am", mode: KeyMode.Minor);

        Assert.Equal(MelodyGuidance.StepWeight, Weight(scores, "note:67"), 4);
        Assert.Equal(MelodyGuidance.StepWeight, Weight(scores, "note:71"), 4);
        Assert.Equal(1, Weight(scores, "note:70"), 4);
    }

    [Fact]
    public void A_rest_between_keeps_the_last_pitch_sung_and_the_weight_holds_at_any_temperature()
    {
        var scores = Leaned("chord:C note:60 dur:1 chord:C note:rest dur:1 chord:C", temperature: 0.5);

        Assert.Equal(MelodyGuidance.StepWeight, Weight(scores, "note:62", 0.5), 4);
        Assert.Equal(1, Weight(scores, "note:64", 0.5), 4);
    }

    [Fact]
    public void A_pitch_that_would_stretch_the_melody_past_an_octave_is_weighted_down()
    {
        // C4 and G4 sung: C5 or G3 keeps the melody within an octave; D5 or F3 would stretch it past one.
        var scores = Leaned("chord:C note:60 dur:1 chord:C note:67 dur:1 chord:C");

        Assert.Equal(1, Weight(scores, "note:72"), 4);
        Assert.Equal(1, Weight(scores, "note:55"), 4);
        Assert.Equal(MelodyGuidance.WideWeight, Weight(scores, "note:74"), 4);
        Assert.Equal(MelodyGuidance.WideWeight, Weight(scores, "note:53"), 4);
        Assert.Equal(1, Weight(scores, "note:rest"), 4);
    }

    [Theory]
    [InlineData("chord:C")]
    [InlineData("chord:C note:64")]
    [InlineData("chord:C note:64 dur:1")]
    public void Before_a_first_pitch_and_off_the_note_slot_the_models_scores_are_kept(string played)
    {
        var scores = Leaned(played);

        Assert.All(scores, s => Assert.Equal(0, s));
    }
}

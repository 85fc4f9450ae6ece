using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Tests.Decoding;

public sealed class ChordToneGuidanceTests
{
    private static readonly TokenVocabulary Tokens = RulePlayer.Tokens;

    // Plays the tokens through a cursor, then applies the guidance at the slot reached under the last chord played.
    private static float[] Leaned(string played, string meter = "4/4", double temperature = 1)
    {
        var timeSignature = TimeSignature.Parse(meter);
        var cursor = new SheetCursor(timeSignature, 4, TrainingVocabulary.OnsetResolution, TrainingVocabulary.MaxOnset);
        int? chord = null;
        foreach (var text in played.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = RulePlayer.Token(text);
            chord = token.Kind == TokenKind.Chord ? token.Id : chord;
            cursor.Advance(token);
        }

        return new ChordToneGuidance(Tokens, timeSignature).Apply(cursor, new float[Tokens.Count], temperature, new float[Tokens.Count], chord).ToArray();
    }

    private static double Weight(float[] scores, string token, double temperature = 1) => Math.Exp(scores[Tokens.IdOf(token)] / temperature);

    [Fact]
    public void On_the_beat_the_tones_of_the_chord_are_weighted_in_every_octave_and_the_rest_are_not()
    {
        // On beat 2 under Am7: A, C, E and G are its tones; B, D and F are not.
        var scores = Leaned("chord:C note:64 dur:1 chord:Am7", temperature: 0.5);

        foreach (var tone in new[] { "note:57", "note:69", "note:60", "note:64", "note:67", "note:79" })
        {
            Assert.Equal(ChordToneGuidance.ChordToneWeight, Weight(scores, tone, 0.5), 4);
        }

        foreach (var other in new[] { "note:59", "note:62", "note:65", "note:61", "note:rest" })
        {
            Assert.Equal(1, Weight(scores, other, 0.5), 4);
        }
    }

    [Theory]
    [InlineData("chord:C note:64 dur:1/2 chord:C", "4/4")]
    [InlineData("chord:C note:64 dur:1 chord:C", "6/8")]
    [InlineData("chord:N.C.", "4/4")]
    [InlineData("chord:C", "4/4", true)]
    public void Off_the_beat_under_no_chord_or_at_another_slot_nothing_leans(string played, string meter, bool durationSlot = false)
    {
        // Half a beat in 4/4 and a quarter into 6/8 (whose beat is a dotted quarter) are off the beat.
        var scores = Leaned(durationSlot ? played + " note:60" : played, meter);

        Assert.All(scores, s => Assert.Equal(0, s));
    }
}

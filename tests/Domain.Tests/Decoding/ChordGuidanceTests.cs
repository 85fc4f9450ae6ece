using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Tests.Decoding;

public class ChordGuidanceTests
{
    private static readonly TokenVocabulary Tokens = RulePlayer.Tokens;

    private static List<BarCondition> Bars(int valence, KeyMode mode = KeyMode.Major) =>
        [.. PhrasePlan.For(4).Select(p => new BarCondition(TimeSignature.Common, p, valence, Density.Med, mode))];

    private static SheetCursor Cursor(string tokens)
    {
        var cursor = new SheetCursor(TimeSignature.Common, 4, TrainingVocabulary.OnsetResolution, TrainingVocabulary.MaxOnset);
        foreach (var text in tokens.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            cursor.Advance(RulePlayer.Token(text));
        }

        return cursor;
    }

    private static float[] Guided(int valence, string played, int? sounding, float[]? logits = null, KeyMode mode = KeyMode.Major)
    {
        var buffer = new float[Tokens.Count];
        return new ChordGuidance(Tokens, Bars(valence, mode)).Apply(Cursor(played), logits ?? new float[Tokens.Count], 1.0, buffer, sounding).ToArray();
    }

    private static double Ratio(float[] scores, string a, string b) => Math.Exp(scores[Tokens.IdOf(a)] - scores[Tokens.IdOf(b)]);

    [Fact]
    public void A_happy_bar_weighs_chords_by_their_distance_in_valence_bins()
    {
        var scores = Guided(2, "", sounding: null);

        // C and Cmaj7 are +2, G9 +1, G7 0, Dm7 −1, Am −2: each bin costs e^−0.7.
        Assert.Equal(1, Ratio(scores, "chord:C", "chord:Cmaj7"), 6);
        Assert.Equal(Math.Exp(ChordGuidance.ValencePull), Ratio(scores, "chord:C", "chord:G9"), 4);
        Assert.Equal(Math.Exp(4 * ChordGuidance.ValencePull), Ratio(scores, "chord:C", "chord:Am"), 3);
        Assert.Equal(-2, ChordValence.Bin(ChordValence.Of(ChordKind.Minor)));
    }

    [Fact]
    public void A_chord_rooted_outside_the_key_is_weighed_down_in_either_mode()
    {
        var major = Guided(2, "", sounding: null);
        Assert.Equal(1 / ChordGuidance.OutOfKeyWeight, Ratio(major, "chord:F", "chord:Eb"), 4);
        Assert.Equal(1, Ratio(major, "chord:F", "chord:G"), 6);

        // In A minor, G♯/A♭ (the raised seventh) is in the key and E♭ is not.
        var minor = Guided(-2, "", sounding: null, mode: KeyMode.Minor);
        Assert.Equal(1, Ratio(minor, "chord:Am", "chord:Abm"), 6);
        Assert.Equal(1 / ChordGuidance.OutOfKeyWeight, Ratio(minor, "chord:Am", "chord:Ebm"), 4);
    }

    [Fact]
    public void The_odds_of_keeping_the_sounding_chord_stay_the_models()
    {
        var logits = new float[Tokens.Count];
        var am = Tokens.IdOf("chord:Am");
        logits[am] = 2;
        var before = Stay(logits, am);

        var scores = Guided(2, "chord:Am note:69 dur:1", sounding: am, logits);

        Assert.Equal(before, Stay(scores, am), 5);
        Assert.Equal(Math.Exp(4 * ChordGuidance.ValencePull), Ratio(scores, "chord:C", "chord:Dm"), 3);
    }

    [Fact]
    public void Only_chord_slots_are_touched()
    {
        var logits = new float[Tokens.Count];
        var buffer = new float[Tokens.Count];
        var guidance = new ChordGuidance(Tokens, Bars(2));

        var scores = guidance.Apply(Cursor("chord:C"), logits, 1.0, buffer, Tokens.IdOf("chord:C"));

        Assert.True(scores.ToArray().All(s => s == 0));
    }

    private static double Stay(float[] scores, int id)
    {
        var total = Tokens.ChordIds.Sum(c => Math.Exp(scores[c]));
        return Math.Exp(scores[id]) / total;
    }
}

using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Tests.Decoding;

public class SheetCursorTests
{
    private static readonly TokenVocabulary Tokens = CreateTokens();

    private static DecoderToken Token(string text) => Tokens[Tokens.IdOf(text)];

    private static SheetCursor Cursor(int bars = 2) => new(TimeSignature.Parse("2/4"), bars, TrainingVocabulary.OnsetResolution, TrainingVocabulary.MaxOnset);

    private static void Play(SheetCursor cursor, params string[] texts)
    {
        foreach (var text in texts)
        {
            cursor.Advance(Token(text));
        }
    }

    [Fact]
    public void A_tie_may_not_open_a_sheet()
    {
        var cursor = Cursor();
        Play(cursor, "chord:C");

        Assert.False(cursor.Accepts(Token(DecoderToken.TieText)));
        var error = Assert.Throws<InvalidOperationException>(() => cursor.Advance(Token(DecoderToken.TieText)));
        Assert.Contains("no pitched note before it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tie_follows_a_pitched_note_within_the_bar_and_across_the_barline()
    {
        var cursor = Cursor();
        Play(cursor, "chord:C", "note:60", "dur:1", "chord:G7");
        Assert.True(cursor.Accepts(Token(DecoderToken.TieText)));

        Play(cursor, DecoderToken.TieText, "dur:1", "bar", "chord:G7");
        Assert.True(cursor.Accepts(Token(DecoderToken.TieText)));
    }

    [Fact]
    public void A_tie_never_follows_a_rest()
    {
        var cursor = Cursor();
        Play(cursor, "chord:C", "note:60", "dur:1", "chord:C", DecoderToken.RestText, "dur:1", "bar", "chord:C");

        Assert.False(cursor.Accepts(Token(DecoderToken.TieText)));
        Assert.True(cursor.Accepts(Token("note:62")));
    }

    [Fact]
    public void A_tie_fills_the_note_slot_and_nothing_else()
    {
        var cursor = Cursor();
        Play(cursor, "chord:C", "note:60", "dur:1");

        Assert.False(cursor.Accepts(Token(DecoderToken.TieText)));
        Play(cursor, "chord:C");
        Assert.True(cursor.Accepts(Token(DecoderToken.TieText)));
        Play(cursor, DecoderToken.TieText);
        Assert.Equal(Slot.Duration, cursor.Next);
    }

    private static TokenVocabulary CreateTokens()
    {
        TokenVocabulary.TryCreate(TrainingVocabulary.Tokens(), out var tokens, out _);
        return tokens!;
    }
}

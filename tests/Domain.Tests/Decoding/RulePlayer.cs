using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Tests.Decoding;

/// <summary>Plays hand-written tokens through a cursor and a decoding rule, the way the decoder feeds them.</summary>
internal sealed class RulePlayer(string meter, ITokenRule rule, int bars = 4)
{
    public static TokenVocabulary Tokens { get; } = StandInModel.CreateVocabulary(TrainingVocabulary.Tokens());

    public SheetCursor Cursor { get; } = new(TimeSignature.Parse(meter), bars, TrainingVocabulary.OnsetResolution, TrainingVocabulary.MaxOnset);

    public static DecoderToken Token(string text) => Tokens[Tokens.IdOf(text)];

    public RulePlayer Play(string tokens)
    {
        foreach (var text in tokens.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = Token(text);
            rule.Observe(Cursor, token);
            Cursor.Advance(token);
        }

        return this;
    }

    public bool Allows(string text) => rule.Allows(Cursor, Token(text));
}

using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>Collects decoded tokens into measures of events; a tie repeats the previous pitch as a tied event.</summary>
internal sealed class SheetBuilder
{
    private readonly List<Measure> _measures = [];
    private List<MelodyEvent> _events = [];
    private ChordSymbol _chord = ChordSymbol.NoChord;
    private int? _pitch;
    private bool _tied;

    public IReadOnlyList<Measure> Measures => _measures;

    public void Add(DecoderToken token)
    {
        switch (token.Kind)
        {
            case TokenKind.Chord:
                _chord = token.Chord!;
                break;
            case TokenKind.Note:
                _pitch = token.Pitch;
                _tied = false;
                break;
            case TokenKind.Tie:
                // The cursor admits a tie only after a pitched note, so _pitch still holds that note's pitch.
                _tied = true;
                break;
            case TokenKind.Duration:
                _events.Add(new MelodyEvent(_chord, _pitch, token.Duration) { Tied = _tied });
                break;
            case TokenKind.Bar:
                _measures.Add(new Measure(_events));
                _events = [];
                break;
        }
    }

    /// <summary>Reads a whole token sequence back into measures.</summary>
    public static IReadOnlyList<Measure> FromTokens(TokenVocabulary vocabulary, IEnumerable<int> tokens)
    {
        var builder = new SheetBuilder();
        foreach (var id in tokens)
        {
            builder.Add(vocabulary[id]);
        }

        return builder.Measures;
    }
}

using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// A minor sheet opens on its tonic (Am, Am7 or Am9 at home) and closes each phrase in its key: the last beat of
/// each phrase-end bar before the final one sounds the minor tonic (a full close) or the major dominant (a half
/// close), at home Am, Am7, Am9, E or E7. Without it a
/// minor request drifts to its relative major's cadences and is heard in C. A note that would carry another chord
/// over that beat is not offered, so the beat always opens a new event whose chord can close.
/// </summary>
public sealed class MinorPhraseRule : ITokenRule
{
    private readonly HashSet<int> _closing;
    private readonly HashSet<int> _opening;
    private readonly bool _minor;
    private readonly bool[] _closes;
    private readonly Duration _lastBeat;
    private readonly DurationFill _fill;
    private int? _chord;

    public MinorPhraseRule(TokenVocabulary tokens, IReadOnlyList<BarCondition> bars, DurationFill fill)
    {
        var timeSignature = bars[0].TimeSignature;
        _opening = HomeChords.Tonic(tokens, KeyMode.Minor);
        _closing = [.. _opening, .. HomeChords.Dominant(tokens, KeyMode.Minor)];
        _minor = bars[0].Mode == KeyMode.Minor;
        _closes = [.. bars.Select((b, i) => b.Mode == KeyMode.Minor && b.Phrase == PhrasePosition.End2 && i < bars.Count - 1)];
        _lastBeat = timeSignature.BarLength - timeSignature.PulseLength;
        _fill = fill;
    }

    public bool Allows(SheetCursor cursor, DecoderToken token)
    {
        if (_minor && _chord is null && token.Kind == TokenKind.Chord && _opening.Count > 0)
        {
            return _opening.Contains(token.Id);
        }

        if (cursor.CompletedBars >= _closes.Length || !_closes[cursor.CompletedBars] || _closing.Count == 0)
        {
            return true;
        }

        var onset = cursor.Onset;
        return token.Kind switch
        {
            TokenKind.Chord => onset < _lastBeat || _closing.Contains(token.Id),
            TokenKind.Duration => onset >= _lastBeat || (_chord is { } chord && _closing.Contains(chord))
                || (onset + token.Duration <= _lastBeat && _fill.CanFill(_lastBeat - onset - token.Duration)),
            _ => true,
        };
    }

    public void Observe(SheetCursor cursor, DecoderToken token)
    {
        if (token.Kind == TokenKind.Chord)
        {
            _chord = token.Id;
        }
    }
}

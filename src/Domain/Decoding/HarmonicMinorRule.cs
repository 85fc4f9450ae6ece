using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// Minor keys borrow their dominant from harmonic minor: at home in A minor a chord on E is E, E7 or E9 (with the
/// raised seventh G♯), never Em, and the melody over it does not sound or hold G♮ against the chord's G♯. It is the leading
/// tone that tells A minor from C major, whose notes are otherwise the same. Major sheets are left alone.
/// </summary>
public sealed class HarmonicMinorRule(KeyMode mode) : ITokenRule
{
    private static readonly int Dominant = (Key.HomeOf(KeyMode.Minor).Tonic.PitchClass + 7) % 12;
    private static readonly int Subtonic = (Key.HomeOf(KeyMode.Minor).Tonic.PitchClass + 10) % 12;
    private bool _onDominant;
    private int? _pitch;

    public bool Allows(SheetCursor cursor, DecoderToken token) => mode != KeyMode.Minor || token.Kind switch
    {
        TokenKind.Chord => token.Chord is not { } chord || chord.Root != Dominant || chord.Kind is not (ChordKind.Minor or ChordKind.Minor7 or ChordKind.Minor9),
        TokenKind.Note => !_onDominant || token.Pitch is not { } pitch || pitch % 12 != Subtonic,
        TokenKind.Tie => !_onDominant || _pitch is not { } held || held % 12 != Subtonic,
        _ => true,
    };

    public void Observe(SheetCursor cursor, DecoderToken token)
    {
        switch (token.Kind)
        {
            case TokenKind.Chord:
                _onDominant = token.Chord is { } chord && chord.Root == Dominant;
                break;
            case TokenKind.Note:
                _pitch = token.Pitch;
                break;
        }
    }
}

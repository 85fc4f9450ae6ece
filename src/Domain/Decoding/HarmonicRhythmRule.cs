using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// Chords change the way lead sheets change them: only on a beat of the meter (a quarter in 4/4, 3/4 and 2/4, a half
/// in 2/2, a dotted quarter in 6/8 and 12/8) and at most <see cref="MaxChangesPerBar"/> times a bar. Every event
/// carries a chord token, so off the beat the only chord offered is the one already sounding; a chord span is then
/// never shorter than a beat.
/// </summary>
public sealed class HarmonicRhythmRule(TimeSignature timeSignature) : ITokenRule
{
    private int? _chord;
    private int _changes;

    /// <summary>One change a beat, and never more than four a bar (12/8 has four beats, 4/4 four).</summary>
    public int MaxChangesPerBar { get; } = Math.Min(timeSignature.Pulses, 4);

    /// <summary>False for a chord token that would change the harmony off the beat or once too often in the bar.</summary>
    public bool Allows(SheetCursor cursor, DecoderToken token) =>
        token.Kind != TokenKind.Chord || _chord is not { } current || token.Id == current
        || (timeSignature.IsOnPulse(cursor.Onset) && _changes < MaxChangesPerBar);

    /// <summary>Follows the sheet: the sounding chord and this bar's changes (a new chord on the downbeat counts).</summary>
    public void Observe(SheetCursor cursor, DecoderToken token)
    {
        switch (token.Kind)
        {
            case TokenKind.Chord:
                _changes += _chord is { } current && current != token.Id ? 1 : 0;
                _chord = token.Id;
                break;
            case TokenKind.Bar:
                _changes = 0;
                break;
        }
    }
}

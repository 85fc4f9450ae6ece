using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// In a compound duple meter (6/8) the bar is two dotted-quarter halves and songs keep them visible: an event that
/// starts in the first half ends by the middle, unless it fills the whole bar from the downbeat, and a tie does not
/// carry a note over the middle. A duration is offered in the first half only when the rest of that half can still
/// be filled, so the middle is always reached exactly.
/// </summary>
public sealed class MidBarRule(TimeSignature timeSignature, DurationFill fill) : ITokenRule
{
    private readonly Duration _bar = timeSignature.BarLength;
    private readonly Duration _middle = new(timeSignature.BarLength.Numerator, timeSignature.BarLength.Denominator * 2);

    public bool Applies { get; } = timeSignature.IsCompound && timeSignature.Pulses == 2;

    public bool Allows(SheetCursor cursor, DecoderToken token)
    {
        if (!Applies)
        {
            return true;
        }

        var onset = cursor.Onset;
        return token.Kind switch
        {
            TokenKind.Tie => onset != _middle,
            TokenKind.Duration => onset >= _middle || (onset.IsZero && token.Duration == _bar)
                || (onset + token.Duration <= _middle && fill.CanFill(_middle - onset - token.Duration)),
            _ => true,
        };
    }

    public void Observe(SheetCursor cursor, DecoderToken token)
    {
    }
}

namespace SithSynth.Domain.Conditioning;

/// <summary>
/// Where a bar stands in its phrase; the model hears phrase openings and cadences through it. The final positions
/// are the last two bars of a piece (the end of the sheet at generation): the cadence that closes the whole song.
/// Cards without them hear <see cref="Final1"/> as <see cref="End1"/> and <see cref="Final2"/> as <see cref="End2"/>.
/// </summary>
public enum PhrasePosition
{
    Start1,
    Start2,
    Inner,
    End1,
    End2,
    Final1,
    Final2,
}

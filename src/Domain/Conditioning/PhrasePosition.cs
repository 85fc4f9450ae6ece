namespace SithSynth.Domain.Conditioning;

/// <summary>Where a bar stands in its phrase; the model hears phrase openings and cadences through it.</summary>
public enum PhrasePosition
{
    Start1,
    Start2,
    Inner,
    End1,
    End2,
}

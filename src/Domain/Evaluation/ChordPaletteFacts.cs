using SithSynth.Domain.Music;

namespace SithSynth.Domain.Evaluation;

/// <summary>One sheet's chord spans by quality, those rooted outside the key, and whether it opens on the tonic.</summary>
public sealed record ChordPaletteFacts(Distribution<ChordKind> Qualities, int OutOfKey, bool OpensOnTonic)
{
    public double Spans => Qualities.Total;
}

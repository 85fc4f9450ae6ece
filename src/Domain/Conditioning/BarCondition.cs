using SithSynth.Domain.Analysis;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Conditioning;

/// <summary>What the encoder reads for one bar: meter, phrase position, valence (−2..+2) and note density.</summary>
public sealed record BarCondition(TimeSignature TimeSignature, PhrasePosition Phrase, int Valence, Density Density);

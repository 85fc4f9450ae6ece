using SithSynth.Domain.Analysis;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Conditioning;

/// <summary>
/// What the encoder reads for one bar: meter, phrase position, valence (−2..+2), note density and the mode of the
/// key. Models whose card lists no modes never hear the mode (their major and minor sheets differ only in key).
/// </summary>
public sealed record BarCondition(TimeSignature TimeSignature, PhrasePosition Phrase, int Valence, Density Density, KeyMode Mode = KeyMode.Major);

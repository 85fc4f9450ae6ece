namespace SithSynth.Domain.Decoding;

/// <summary>
/// A lead sheet as the decoder reads it: token ids from <c>sos</c> to <c>eos</c>, and for each step i the bar and
/// onset of token i+1 (so <see cref="Bars"/> and <see cref="Onsets"/> are one shorter than <see cref="Tokens"/>).
/// </summary>
public sealed record TokenSequence(IReadOnlyList<int> Tokens, IReadOnlyList<long> Bars, IReadOnlyList<long> Onsets);

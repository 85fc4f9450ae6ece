using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Decoding;

namespace SithSynth.Domain.Evaluation;

/// <summary>A held-out window of a piece as the model reads it: its bar conditions and its tokens in the model's ids.</summary>
public sealed record HeldOutSequence(string Piece, IReadOnlyList<BarCondition> Conditions, TokenSequence Tokens);

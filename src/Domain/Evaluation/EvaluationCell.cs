using SithSynth.Domain.Analysis;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Evaluation;

/// <summary>One point of the evaluation grid: the valence and density every bar is asked for, in one meter.</summary>
public sealed record EvaluationCell(int Valence, Density Density, TimeSignature TimeSignature);

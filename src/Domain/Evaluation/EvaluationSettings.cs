namespace SithSynth.Domain.Evaluation;

/// <summary>How much and how an evaluation samples: every sheet's seed follows from <see cref="Seed"/>.</summary>
public sealed record EvaluationSettings(
    int SamplesPerCell,
    ulong Seed,
    int Bars = 16,
    int Tempo = 100,
    double Temperature = 1.0,
    int Parallelism = 1);

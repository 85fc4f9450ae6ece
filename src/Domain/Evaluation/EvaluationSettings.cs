namespace SithSynth.Domain.Evaluation;

/// <summary>
/// How much and how an evaluation samples: every sheet's seed follows from <see cref="Seed"/>. <see cref="FormBars"/>
/// is the length of the default-form sheets (0 leaves them out).
/// </summary>
public sealed record EvaluationSettings(
    int SamplesPerCell,
    ulong Seed,
    int Bars = 16,
    int Tempo = 100,
    double Temperature = 1.0,
    int Parallelism = 1,
    IReadOnlyList<string>? MinorKeys = null,
    int FormBars = 32,
    IReadOnlyList<int>? Valences = null)
{
    /// <summary>The minor keys the user-request grid's 4/4 slice is asked again in: the home minor key and two that move it.</summary>
    public static IReadOnlyList<string> DefaultMinorKeys { get; } = ["Am", "Em", "Cm"];

    public IReadOnlyList<string> Minor => MinorKeys ?? DefaultMinorKeys;
}

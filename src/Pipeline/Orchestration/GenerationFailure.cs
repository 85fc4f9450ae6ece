namespace SithSynth.Pipeline.Orchestration;

/// <summary>
/// Why a generation failed, in a shape a client can act on: the stage, the variation (1-based) where it happened, the
/// error type the failing activity raised and its message.
/// </summary>
public sealed record GenerationFailure(string Stage, int? Variation, string ErrorType, string Message);

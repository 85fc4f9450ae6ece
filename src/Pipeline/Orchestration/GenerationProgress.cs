namespace SithSynth.Pipeline.Orchestration;

/// <summary>
/// The orchestration's custom status: where it is (<see cref="PipelineStage"/>), a sentence such as "generating
/// variation 2 of 4", progress from 0 to 1, the stages finished so far with their timings, and the failure if any.
/// </summary>
public sealed record GenerationProgress(
    string Stage,
    string Detail,
    double Progress,
    IReadOnlyList<StageTiming> Timings,
    GenerationFailure? Error = null);

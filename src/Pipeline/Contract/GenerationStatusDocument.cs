using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Pipeline.Contract;

/// <summary>
/// GET /api/generations/{id}: <c>status</c> is pending, running, completed, failed or canceled; <c>stage</c>,
/// <c>detail</c> and <c>progress</c> say where it is; <c>timings</c> lists each finished stage. A completed generation
/// lists its variations with seeds, analysis and links; a failed one its <c>error</c>.
/// </summary>
public sealed record GenerationStatusDocument(
    string Id,
    string Status,
    string Stage,
    string? Detail,
    double Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    IReadOnlyList<StageTiming> Timings,
    string? Seed = null,
    IReadOnlyList<VariationDocument>? Variations = null,
    GenerationFailure? Error = null);

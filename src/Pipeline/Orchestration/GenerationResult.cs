using SithSynth.Domain.Requests;

namespace SithSynth.Pipeline.Orchestration;

/// <summary>
/// The orchestration's output: the settled request (defaults filled, seed chosen), every variation with its blob names,
/// and how long each stage took. The same document is stored as the generation's manifest.
/// </summary>
public sealed record GenerationResult(
    GenerationRequest Request,
    IReadOnlyList<VariationResult> Variations,
    IReadOnlyList<StageTiming> Timings,
    string? Manifest = null);

using SithSynth.Domain.Requests;

namespace SithSynth.Pipeline.Orchestration;

/// <summary>Input of the inference activity: the settled request and which variation (0-based, as the generator counts) to write.</summary>
public sealed record VariationWork(string GenerationId, GenerationRequest Request, int Variation);

namespace SithSynth.Pipeline.Orchestration;

/// <summary>Input of the storing stage: the generation and its result, blob names and small summaries only.</summary>
public sealed record RecordWork(string GenerationId, GenerationResult Result);

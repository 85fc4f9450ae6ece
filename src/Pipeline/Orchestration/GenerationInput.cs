using SithSynth.Domain.Requests;

namespace SithSynth.Pipeline.Orchestration;

/// <summary>
/// What an orchestration starts from: the request as the client sent it, and its fingerprint so a repeated POST with
/// the same Idempotency-Key can be told apart from a different body under a reused key.
/// </summary>
public sealed record GenerationInput(GenerationRequest Request, string Fingerprint);

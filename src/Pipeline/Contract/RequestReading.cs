using SithSynth.Domain.Requests;

namespace SithSynth.Pipeline.Contract;

/// <summary>
/// What reading a POST body found: the request, or the field problems (wrong types, unknown fields), or, when the body
/// is not a JSON object at all, why (<see cref="Malformed"/>).
/// </summary>
public sealed record RequestReading(GenerationRequest? Request, IReadOnlyList<RequestProblem> Problems, string? Malformed = null);

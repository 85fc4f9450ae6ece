using SithSynth.Domain.Requests;

namespace SithSynth.Pipeline.Orchestration;

/// <summary>
/// The validation activity's answer: the request settled (every default filled in and the seed chosen, so later
/// activities and replays all see the same one), or every problem found.
/// </summary>
public sealed record ValidationOutcome(GenerationRequest? Settled, IReadOnlyList<RequestProblem> Problems);

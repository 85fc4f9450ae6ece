namespace SithSynth.Domain.Requests;

/// <summary>One thing wrong with a request: the field (as the request names it) and a sentence for a person.</summary>
public sealed record RequestProblem(string Field, string Message);

namespace SithSynth.Domain.Requests;

/// <summary>The outcome of validating a request: a spec ready to generate, or every problem found.</summary>
public sealed record RequestValidation(GenerationSpec? Spec, IReadOnlyList<RequestProblem> Problems)
{
    public bool IsValid => Spec is not null;
}

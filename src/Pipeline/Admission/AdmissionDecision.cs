using SithSynth.Pipeline.Contract;

namespace SithSynth.Pipeline.Admission;

/// <summary>Admitted or refused (with the problem to answer), and the RateLimit headers either way.</summary>
public sealed record AdmissionDecision(ProblemDocument? Refusal, IReadOnlyDictionary<string, string> Headers)
{
    public bool Admitted => Refusal is null;
}

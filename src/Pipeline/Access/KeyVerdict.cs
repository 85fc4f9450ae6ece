using SithSynth.Pipeline.Admission;

namespace SithSynth.Pipeline.Access;

/// <summary>What a request's key makes of its caller: anonymous (no key sent), a key holder, or refused (with why, for the 401).</summary>
public sealed record KeyVerdict(AdmissionCaller? Caller, string? Refusal)
{
    public static KeyVerdict Anonymous { get; } = new(null, null);

    public bool Refused => Refusal is not null;
}

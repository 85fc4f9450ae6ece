namespace SithSynth.Domain.Evaluation;

/// <summary>One figure against its target: met when it is at least (or at most) the target.</summary>
public sealed record TargetCheck(string Name, double Value, double Target, bool AtMost)
{
    public bool Passed => AtMost ? Value <= Target : Value >= Target;

    public static TargetCheck AtLeast(string name, double value, double target) => new(name, value, target, false);

    public static TargetCheck NoMoreThan(string name, double value, double target) => new(name, value, target, true);
}

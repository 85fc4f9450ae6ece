namespace SithSynth.Domain.Evaluation;

/// <summary>One figure against its target: met when it is at least (or at most) the target.</summary>
public sealed record TargetCheck(string Name, double Value, double Target, bool AtMost)
{
    public bool Passed => Met ?? (AtMost ? Value <= Target : Value >= Target);

    /// <summary>How the target reads ("≤ 0.08", "0.9–1.3", "human ± 0.7"); null for a plain bound.</summary>
    public string? Text { get; init; }

    /// <summary>Set where the figure judged itself (a range, or a bound relative to the human figure).</summary>
    public bool? Met { get; init; }

    public static TargetCheck AtLeast(string name, double value, double target) => new(name, value, target, false);

    public static TargetCheck NoMoreThan(string name, double value, double target) => new(name, value, target, true);
}

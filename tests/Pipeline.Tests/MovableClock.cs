namespace SithSynth.Pipeline.Tests;

/// <summary>A clock the test moves forward by hand.</summary>
internal sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

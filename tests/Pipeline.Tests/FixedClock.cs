namespace SithSynth.Pipeline.Tests;

/// <summary>A clock that says what the test wants, e.g. two hours ago, so a link comes out already expired.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

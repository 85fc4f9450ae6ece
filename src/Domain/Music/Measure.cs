namespace SithSynth.Domain.Music;

/// <summary>One bar of a lead sheet.</summary>
public sealed record Measure(IReadOnlyList<MelodyEvent> Events)
{
    public Duration Length => Events.Aggregate(Duration.Zero, (sum, e) => sum + e.Duration);

    /// <summary>Each event with its onset from the start of the bar.</summary>
    public IEnumerable<(MelodyEvent Event, Duration Onset)> EventsWithOnsets()
    {
        var onset = Duration.Zero;
        foreach (var e in Events)
        {
            yield return (e, onset);
            onset += e.Duration;
        }
    }
}

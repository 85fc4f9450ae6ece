using SithSynth.Domain.Music;

namespace SithSynth.Domain.Corpus;

/// <summary>
/// A segment moved to C major or A minor and written bar by bar in vocabulary durations. Bars that cannot be
/// written (a quintuplet) are left out, so the segment falls into runs of consecutive bars.
/// <paramref name="LastRunReachesEnd"/> says the last run holds the segment's last bar.
/// </summary>
public sealed record HomeKeyArrangement(TimeSignature TimeSignature, Key SourceKey, Key Key, int Shift, IReadOnlyList<IReadOnlyList<Measure>> Runs, bool LastRunReachesEnd = true)
{
    /// <summary>The bars left out, counted from 0 in the segment.</summary>
    public IReadOnlyList<int> DroppedBars { get; init; } = [];
}

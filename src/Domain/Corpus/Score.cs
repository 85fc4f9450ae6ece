namespace SithSynth.Domain.Corpus;

/// <summary>
/// A lead sheet read from MusicXML: its segments of constant meter and key, and what reading it had to leave out.
/// </summary>
/// <param name="PickupDropped">The incomplete first bar (an anacrusis) was left out.</param>
/// <param name="BrokenBars">Bars after the first whose length is not the meter's (repeat halves, a short last bar): each ends a segment and is left out.</param>
/// <param name="UnknownChordKinds">MusicXML chord kinds our chord vocabulary cannot fold, each read as N.C.</param>
/// <param name="TiesMerged">Tied notes joined into their first note.</param>
public sealed record Score(
    IReadOnlyList<ScoreSegment> Segments,
    bool PickupDropped,
    int BrokenBars,
    IReadOnlyList<string> UnknownChordKinds,
    int TiesMerged);

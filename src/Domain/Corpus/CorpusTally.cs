namespace SithSynth.Domain.Corpus;

/// <summary>
/// What building the corpus kept, left out and changed, counted as it goes; the summary reports it so that every
/// lossy step is visible. Reasons are sorted so the report is the same bytes every run.
/// </summary>
public sealed class CorpusTally
{
    public int PiecesFound { get; set; }

    public int PiecesUsed { get; set; }

    public SortedDictionary<string, int> PiecesSkipped { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> SegmentsSkipped { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> BarsDropped { get; } = new(StringComparer.Ordinal);

    /// <summary>MusicXML chord kinds outside the chord vocabulary, each read as N.C.</summary>
    public SortedDictionary<string, int> UnknownChordKinds { get; } = new(StringComparer.Ordinal);

    public int PickupsDropped { get; set; }

    /// <summary>Bars whose length is not the meter's; each ends a segment.</summary>
    public int BrokenBars { get; set; }

    public int TiesMerged { get; set; }

    /// <summary>Slash chords written as their plain chord: the vocabulary has no bass notes.</summary>
    public int BassesDropped { get; set; }

    /// <summary>Notes that cross a barline, written as a note per bar tied to the one before.</summary>
    public int NotesSplitAtBarline { get; set; }

    /// <summary>Held notes under a chord change, written as a note per chord so every change has an event.</summary>
    public int NotesSplitAtChordChange { get; set; }

    /// <summary>Notes whose length is no single vocabulary duration, written as tied notes (half + eighth).</summary>
    public int NotesSplitIntoDurations { get; set; }

    /// <summary>Events that continue the note before them (the tie token), from all three kinds of split.</summary>
    public int TiedEvents { get; set; }

    public int SegmentsMinor { get; set; }

    public int SegmentsMajor { get; set; }

    public static void Count(SortedDictionary<string, int> tally, string reason, int times = 1) =>
        tally[reason] = tally.GetValueOrDefault(reason) + times;
}

using SithSynth.Domain.Music;

namespace SithSynth.Domain.Rendering;

/// <summary>
/// One note, stacked chord or rest as it stands on a staff: its onset in the bar, its written value and the marks an
/// engraver adds (ties, accidentals, beams, triplet brackets). No pitches is a rest.
/// </summary>
public sealed class WrittenNote(Duration onset, NoteValue value, IReadOnlyList<WrittenPitch> pitches)
{
    public Duration Onset { get; } = onset;

    public NoteValue Value { get; } = value;

    public IReadOnlyList<WrittenPitch> Pitches { get; } = pitches;

    public bool IsRest => Pitches.Count == 0;

    /// <summary>A rest that fills the whole bar, written as a measure rest whatever the meter.</summary>
    public bool IsMeasureRest { get; init; }

    public bool TieStart { get; set; }

    public bool TieStop { get; set; }

    /// <summary>The accidental shown before each pitch (null for none), parallel to <see cref="Pitches"/>.</summary>
    public IReadOnlyList<ShownAccidental?> Accidentals { get; set; } = [];

    /// <summary>MusicXML beam values, level 1 (eighths) first: "begin", "continue", "end", "forward hook", "backward hook".</summary>
    public IReadOnlyList<string> Beams { get; set; } = [];

    public bool TupletStart { get; set; }

    public bool TupletStop { get; set; }

    public Duration End => Onset + Value.Length;
}

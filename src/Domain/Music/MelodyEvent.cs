namespace SithSynth.Domain.Music;

/// <summary>One event of a lead sheet: the chord sounding, a melody note (MIDI number) or a rest, and its length.</summary>
public sealed record MelodyEvent(ChordSymbol Chord, int? Pitch, Duration Duration)
{
    public bool IsRest => Pitch is null;

    /// <summary>
    /// The note continues the melody note before it (same pitch, tied from it, possibly across a barline): it sounds
    /// as one note and is written with a tie, so it is not a repeated note.
    /// </summary>
    public bool Tied { get; init; }
}

namespace SithSynth.Domain.Music;

/// <summary>One event of a lead sheet: the chord sounding, a melody note (MIDI number) or a rest, and its length.</summary>
public sealed record MelodyEvent(ChordSymbol Chord, int? Pitch, Duration Duration)
{
    public bool IsRest => Pitch is null;
}

using SithSynth.Domain.Music;

namespace SithSynth.Domain.Corpus;

/// <summary>A melody note as the score has it, ties already merged: where it starts in its segment, how long, and its MIDI pitch.</summary>
public sealed record ScoreNote(Duration Onset, Duration Length, int Pitch)
{
    public Duration End => Onset + Length;
}

namespace SithSynth.Pipeline.Orchestration;

/// <summary>One event of a <see cref="ScoreDocument"/>: chord symbol, MIDI pitch (null for a rest) and duration in quarters.</summary>
public sealed record ScoreEvent(string Chord, int? Pitch, string Duration);

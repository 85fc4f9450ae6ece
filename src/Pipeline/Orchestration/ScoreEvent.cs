namespace SithSynth.Pipeline.Orchestration;

/// <summary>
/// One event of a <see cref="ScoreDocument"/>: chord symbol, MIDI pitch (null for a rest), duration in quarters, and
/// whether the note is tied from the one before (so both renderings sound and write one held note).
/// </summary>
public sealed record ScoreEvent(string Chord, int? Pitch, string Duration, bool Tied = false);

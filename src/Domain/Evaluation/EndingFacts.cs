namespace SithSynth.Domain.Evaluation;

/// <summary>How a sheet ends, as a musician checks it: on the tonic chord, on the tonic note, by V→I, on a long note.</summary>
public sealed record EndingFacts(bool LastChordTonic, bool LastNoteTonic, bool DominantToTonic, bool LongFinalNote);

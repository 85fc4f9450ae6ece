namespace SithSynth.Domain.Evaluation;

/// <summary>
/// How a sheet's harmony moves: chord changes (across barlines too), the longest run of whole bars on one chord,
/// chord spans (a chord from where it starts to where the next begins) and how many of them last less than a beat,
/// and the most chords any one bar holds.
/// </summary>
public sealed record HarmonicRhythmFacts(int Bars, int Changes, int LongestOneChordRun, int Spans, int ShortSpans, int MostChordsInBar);

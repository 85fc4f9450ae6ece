namespace SithSynth.Domain.Analysis;

/// <summary>
/// The measured character of a lead sheet: per-bar valence and density, melody range and how much of the melody
/// sits in the key. This is what the CLI and the API report back and what the evaluation compares.
/// </summary>
public sealed record SheetAnalysis(
    IReadOnlyList<BarAnalysis> Bars,
    double AverageValence,
    int LowestPitch,
    int HighestPitch,
    double InKeyRatio,
    double RestRatio)
{
    public int PitchRange => HighestPitch - LowestPitch;
}

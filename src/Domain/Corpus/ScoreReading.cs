namespace SithSynth.Domain.Corpus;

/// <summary>The outcome of reading one score: the score, or the reason it cannot be used.</summary>
public sealed record ScoreReading(Score? Score, string? Problem)
{
    public static ScoreReading Read(Score score) => new(score, null);

    public static ScoreReading Unusable(string problem) => new(null, problem);
}

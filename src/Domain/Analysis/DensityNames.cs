namespace SithSynth.Domain.Analysis;

public static class DensityNames
{
    /// <summary>Fewer than three notes is low, five or more is high (the original paper's bins).</summary>
    public static Density OfNoteCount(int notes) => notes switch
    {
        < 3 => Density.Low,
        >= 5 => Density.High,
        _ => Density.Med,
    };

    public static string Name(Density density) => density switch
    {
        Density.Low => "low",
        Density.Med => "med",
        Density.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(density)),
    };

    public static bool TryParse(string? text, out Density density)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "low":
                density = Density.Low;
                return true;
            case "med" or "medium":
                density = Density.Med;
                return true;
            case "high":
                density = Density.High;
                return true;
            default:
                density = Density.Med;
                return false;
        }
    }
}

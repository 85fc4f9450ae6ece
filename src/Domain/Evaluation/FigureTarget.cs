using System.Globalization;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// What a figure must reach (issues 10 and 11): at least or at most a value, inside a range, no more than the human
/// figure, or within a margin of it. <see cref="Text"/> is how the tables print it.
/// </summary>
public sealed record FigureTarget(string Text, double? Low, double? High, bool RelativeToHuman)
{
    public static FigureTarget AtLeast(double value, bool percent = false) => new("≥ " + Format(value, percent), value, null, false);

    public static FigureTarget AtMost(double value, bool percent = false) => new("≤ " + Format(value, percent), null, value, false);

    public static FigureTarget Between(double low, double high) => new($"{Format(low, false)}–{Format(high, false)}", low, high, false);

    /// <summary>No more than the human figure (copying beyond what held-out pieces share with training pieces).</summary>
    public static FigureTarget NoMoreThanHuman() => new("≤ human", null, 0, true);

    /// <summary>Within ±<paramref name="margin"/> of the human figure.</summary>
    public static FigureTarget WithinOfHuman(double margin, bool percent = false) => new("human ± " + Format(margin, percent), -margin, margin, true);

    /// <summary>Met or not; null when the figure (or, for a target relative to it, the human figure) was not measured.</summary>
    public bool? Met(double? value, double? human)
    {
        if (value is not { } v || (RelativeToHuman && human is null))
        {
            return null;
        }

        var x = RelativeToHuman ? v - human!.Value : v;
        const double slack = 1e-9;
        return (Low is not { } low || x >= low - slack) && (High is not { } high || x <= high + slack);
    }

    private static string Format(double value, bool percent) => percent
        ? (100 * value).ToString("0.#", CultureInfo.InvariantCulture) + "%"
        : value.ToString("0.##", CultureInfo.InvariantCulture);
}

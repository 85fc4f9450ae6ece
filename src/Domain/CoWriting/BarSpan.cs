using System.Globalization;

namespace SithSynth.Domain.CoWriting;

/// <summary>Bars <see cref="First"/>..<see cref="Last"/> of a sheet, counted from 1 as musicians count them: <c>9-12</c>, or <c>5</c> for one bar.</summary>
public sealed record BarSpan(int First, int Last)
{
    public int Count => Last - First + 1;

    public bool Contains(int bar) => bar >= First && bar <= Last;

    /// <summary>The span <paramref name="text"/> writes, or null with what is wrong with it.</summary>
    public static BarSpan? TryParse(string? text, out string? problem)
    {
        problem = null;
        var parts = (text ?? "").Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length is 1 or 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            if (first >= 1 && last >= first)
            {
                return new BarSpan(first, last);
            }

            problem = $"'{text}' must count up from bar 1: first bar, a dash, last bar (e.g. '9-12').";
            return null;
        }

        problem = $"'{text}' is not a bar span: first bar, a dash, last bar (e.g. '9-12'), or one bar number.";
        return null;
    }

    public override string ToString() => First == Last
        ? First.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{First}-{Last}");
}

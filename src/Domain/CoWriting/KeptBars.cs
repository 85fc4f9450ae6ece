using SithSynth.Domain.Music;

namespace SithSynth.Domain.CoWriting;

/// <summary>
/// The bars of a sheet that stay as written, in the models' home key: for each bar the measure kept note for note, or
/// null where the decoder writes. <see cref="Replaced"/> holds, for rewritten bars, the measure they replace, so the
/// new bars can join their kept neighbours as the old ones did (a note tied across the join).
/// </summary>
public sealed record KeptBars(IReadOnlyList<Measure?> Kept, IReadOnlyList<Measure?> Replaced)
{
    public int Count => Kept.Count;

    /// <summary>Every bar of <paramref name="source"/> but <paramref name="span"/>, which is written afresh.</summary>
    public static KeptBars Around(IReadOnlyList<Measure> source, BarSpan span)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(span);
        if (span.Last > source.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(span), $"Bars {span} are not all inside a sheet of {source.Count} bars.");
        }

        return new KeptBars(
            [.. source.Select((m, i) => span.Contains(i + 1) ? null : m)],
            [.. source.Select((m, i) => span.Contains(i + 1) ? m : null)]);
    }

    /// <summary><paramref name="primer"/> as the first bars of a sheet of <paramref name="bars"/> bars, the rest written.</summary>
    public static KeptBars Opening(IReadOnlyList<Measure> primer, int bars)
    {
        ArgumentNullException.ThrowIfNull(primer);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(primer.Count, bars);
        return new KeptBars(
            [.. Enumerable.Range(0, bars).Select(i => i < primer.Count ? primer[i] : null)],
            new Measure?[bars]);
    }
}

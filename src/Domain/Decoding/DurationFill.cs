using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// Which lengths a vocabulary's durations can add up to exactly. The decoder only offers a duration when what is
/// left of the bar after it can still be filled, so a bar can never end short or overfull.
/// </summary>
public sealed class DurationFill
{
    private readonly Duration[] _durations;
    private readonly long _unitsPerQuarter;
    private readonly bool[] _fillable;

    public DurationFill(IEnumerable<Duration> durations, Duration longestBar)
    {
        _durations = [.. durations.Distinct().Order()];
        _unitsPerQuarter = _durations.Select(d => d.Denominator).Append(longestBar.Denominator).Aggregate(1L, Lcm);
        var capacity = longestBar.ToTicks(_unitsPerQuarter);
        _fillable = new bool[capacity + 1];
        _fillable[0] = true;
        var units = _durations.Select(d => d.ToTicks(_unitsPerQuarter)).ToArray();
        for (var length = 1; length <= capacity; length++)
        {
            _fillable[length] = units.Any(u => u <= length && _fillable[length - u]);
        }
    }

    public IReadOnlyList<Duration> Durations => _durations;

    /// <summary>The training vocabulary's durations over its longest bar: how the corpus reader spells a length.</summary>
    public static DurationFill Training { get; } = new(TrainingVocabulary.Durations, TrainingVocabulary.TimeSignatures.Max(t => t.BarLength));

    /// <summary>A length as the one duration it is, where the vocabulary has it, or else <see cref="Split"/>.</summary>
    public IReadOnlyList<Duration> Spell(Duration length) => _durations.Contains(length) ? [length] : Split(length);

    /// <summary>True when <paramref name="length"/> is a sum of the vocabulary's durations (zero always is).</summary>
    public bool CanFill(Duration length)
    {
        if (length < Duration.Zero || (length.Numerator * _unitsPerQuarter) % length.Denominator != 0)
        {
            return false;
        }

        var units = length.ToTicks(_unitsPerQuarter);
        return units < _fillable.Length && _fillable[units];
    }

    /// <summary>True when a note of <paramref name="duration"/> fits in <paramref name="remaining"/> and leaves a fillable rest.</summary>
    public bool Allows(Duration duration, Duration remaining) => duration <= remaining && CanFill(remaining - duration);

    /// <summary>
    /// Splits a length into vocabulary durations, longest first, keeping the rest fillable; the corpus uses it for
    /// notes whose length is no single token (a half tied to an eighth). Empty when the length cannot be filled.
    /// </summary>
    public IReadOnlyList<Duration> Split(Duration length)
    {
        var parts = new List<Duration>();
        if (!CanFill(length))
        {
            return parts;
        }

        var remaining = length;
        while (!remaining.IsZero)
        {
            var part = _durations.Reverse().First(d => Allows(d, remaining));
            parts.Add(part);
            remaining -= part;
        }

        return parts;
    }

    private static long Lcm(long a, long b) => a / (long)System.Numerics.BigInteger.GreatestCommonDivisor(a, b) * b;
}

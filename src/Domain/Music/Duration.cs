using System.Globalization;
using System.Numerics;

namespace SithSynth.Domain.Music;

/// <summary>A musical length in quarter notes, kept as an exact reduced fraction so triplets never drift.</summary>
public readonly struct Duration : IEquatable<Duration>, IComparable<Duration>
{
    public Duration(long numerator, long denominator)
    {
        if (denominator <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), "A duration's denominator must be positive.");
        }

        var gcd = (long)BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (gcd == 0)
        {
            gcd = 1;
        }

        Numerator = numerator / gcd;
        _denominator = denominator / gcd;
    }

    public long Numerator { get; }

    // Zero only in default(Duration), which reads as 0/1.
    private readonly long _denominator;

    public long Denominator => _denominator == 0 ? 1 : _denominator;

    public static Duration Zero => new(0, 1);

    public static Duration Quarters(long quarters) => new(quarters, 1);

    public bool IsZero => Numerator == 0;

    public double TotalQuarters => (double)Numerator / Denominator;

    /// <summary>The duration in ticks of the given resolution; throws if it is not a whole number of ticks.</summary>
    public long ToTicks(long ticksPerQuarter)
    {
        var scaled = Numerator * ticksPerQuarter;
        if (scaled % Denominator != 0)
        {
            throw new InvalidOperationException($"{this} quarter notes is not a whole number of ticks at {ticksPerQuarter} per quarter.");
        }

        return scaled / Denominator;
    }

    public static Duration operator +(Duration a, Duration b) => new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Duration operator -(Duration a, Duration b) => new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Duration operator *(Duration a, long factor) => new(a.Numerator * factor, a.Denominator);

    public static bool operator ==(Duration a, Duration b) => a.Equals(b);

    public static bool operator !=(Duration a, Duration b) => !a.Equals(b);

    public static bool operator <(Duration a, Duration b) => a.CompareTo(b) < 0;

    public static bool operator >(Duration a, Duration b) => a.CompareTo(b) > 0;

    public static bool operator <=(Duration a, Duration b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Duration a, Duration b) => a.CompareTo(b) >= 0;

    public int CompareTo(Duration other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public bool Equals(Duration other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Duration other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <summary>"1", "3/2", "1/3": the form used in model cards and tokens.</summary>
    public override string ToString() => Denominator == 1
        ? Numerator.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");

    public static Duration Parse(string text)
    {
        if (TryParse(text, out var duration))
        {
            return duration;
        }

        throw new FormatException($"'{text}' is not a duration in quarter notes such as 1, 3/2 or 1/3.");
    }

    public static bool TryParse(string? text, out Duration duration)
    {
        duration = Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Split('/');
        if (parts.Length > 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var numerator))
        {
            return false;
        }

        long denominator = 1;
        if (parts.Length == 2
            && (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out denominator) || denominator == 0))
        {
            return false;
        }

        duration = new Duration(numerator, denominator);
        return true;
    }
}

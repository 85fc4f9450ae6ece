using System.Globalization;

namespace SithSynth.Domain.Music;

/// <summary>A meter such as 4/4 or 6/8.</summary>
public sealed record TimeSignature(int Beats, int BeatType)
{
    public static TimeSignature Common { get; } = new(4, 4);

    /// <summary>The length of one full bar in quarter notes.</summary>
    public Duration BarLength => new(Beats * 4L, BeatType);

    /// <summary>Compound meters (6/8, 9/8, 12/8) count in dotted quarters.</summary>
    public bool IsCompound => BeatType == 8 && Beats % 3 == 0 && Beats > 3;

    /// <summary>The length of one felt beat: a dotted quarter in compound meters, else the beat type.</summary>
    public Duration PulseLength => IsCompound ? new Duration(3, 2) : new Duration(4, BeatType);

    /// <summary>Pulses (felt beats) per bar: 4 in 4/4, 3 in 3/4, 2 in 6/8, 4 in 12/8.</summary>
    public int Pulses => (int)(BarLength.Numerator * PulseLength.Denominator / (BarLength.Denominator * PulseLength.Numerator));

    /// <summary>True when <paramref name="onset"/> (from the start of the bar) falls on a felt beat.</summary>
    public bool IsOnPulse(Duration onset) => onset.Numerator * PulseLength.Denominator % (onset.Denominator * PulseLength.Numerator) == 0;

    /// <summary>Strong beats: the downbeat, and the bar's midpoint where the bar holds four or more pulses in an even count.</summary>
    public bool IsStrongBeat(Duration onset) =>
        onset.IsZero || Pulses >= 4 && Pulses % 2 == 0 && onset == new Duration(BarLength.Numerator, BarLength.Denominator * 2);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Beats}/{BeatType}");

    public static bool TryParse(string? text, out TimeSignature timeSignature)
    {
        timeSignature = Common;
        var parts = text?.Split('/');
        if (parts is not { Length: 2 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var beats)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var beatType)
            || beats is < 1 or > 32
            || beatType is not (1 or 2 or 4 or 8 or 16 or 32))
        {
            return false;
        }

        timeSignature = new TimeSignature(beats, beatType);
        return true;
    }

    public static TimeSignature Parse(string text) =>
        TryParse(text, out var timeSignature) ? timeSignature : throw new FormatException($"'{text}' is not a time signature such as 4/4 or 6/8.");
}

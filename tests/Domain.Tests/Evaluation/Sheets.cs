using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Evaluation;

/// <summary>Hand-made lead sheets for the listening figures: "C 60 1" is a chord, a pitch (or "r") and a length; "~" ties.</summary>
internal static class Sheets
{
    public static MelodyEvent E(string chord, int? pitch, string duration, bool tied = false) =>
        new(ChordSymbol.Parse(chord), pitch, Duration.Parse(duration)) { Tied = tied };

    /// <summary>Bars written as "C:60:1 G7:r:1 C:~60:2", one string per bar.</summary>
    public static LeadSheet Sheet(string meter, Key key, params string[] bars) =>
        new(TimeSignature.Parse(meter), key, 100, [.. bars.Select(Bar)]);

    public static LeadSheet Sheet(params string[] bars) => Sheet("4/4", Key.CMajor, bars);

    public static Measure Bar(string text) => new([.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Event)]);

    private static MelodyEvent Event(string text)
    {
        var parts = text.Split(':');
        var tied = parts[1].StartsWith('~');
        var pitch = parts[1].TrimStart('~');
        return E(parts[0], pitch == "r" ? null : int.Parse(pitch, System.Globalization.CultureInfo.InvariantCulture), parts[2], tied);
    }
}

using SithSynth.Domain.Music;

namespace SithSynth.Domain.Analysis;

/// <summary>
/// The valence of chord qualities, from the original paper (Makris, Agres &amp; Herremans 2021), and the binning
/// of a bar's median valence onto the −2..+2 scale that requests and model conditions use.
/// </summary>
public static class ChordValence
{
    public static double Of(ChordKind kind) => kind switch
    {
        ChordKind.Major7 => 0.83,
        ChordKind.Minor7 => -0.46,
        ChordKind.Dominant7 => -0.02,
        ChordKind.Minor9 => -0.15,
        ChordKind.Dominant9 => 0.51,
        ChordKind.Diminished => -0.43,
        ChordKind.Minor => -0.81,
        ChordKind.Major => 0.87,
        ChordKind.NoChord => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown chord kind."),
    };

    /// <summary>Bins a raw valence: beyond ±0.6 is ±2, beyond ±0.2 is ±1, else 0.</summary>
    public static int Bin(double valence) => Math.Abs(valence) switch
    {
        > 0.6 => Math.Sign(valence) * 2,
        > 0.2 => Math.Sign(valence),
        _ => 0,
    };
}

namespace SithSynth.Domain.Music;

/// <summary>How each chord kind is written: in tokens and chord names, in MusicXML, and which intervals it sounds.</summary>
public static class ChordKindNames
{
    private static readonly Dictionary<ChordKind, (string Suffix, string MusicXml, int[] Intervals)> Table = new()
    {
        [ChordKind.NoChord] = ("N.C.", "none", []),
        [ChordKind.Major] = ("", "major", [0, 4, 7]),
        [ChordKind.Minor] = ("m", "minor", [0, 3, 7]),
        [ChordKind.Dominant7] = ("7", "dominant", [0, 4, 7, 10]),
        [ChordKind.Major7] = ("maj7", "major-seventh", [0, 4, 7, 11]),
        [ChordKind.Minor7] = ("m7", "minor-seventh", [0, 3, 7, 10]),
        [ChordKind.Diminished] = ("dim", "diminished", [0, 3, 6]),
        [ChordKind.Dominant9] = ("9", "dominant-ninth", [0, 4, 7, 10, 14]),
        [ChordKind.Minor9] = ("m9", "minor-ninth", [0, 3, 7, 10, 14]),
    };

    /// <summary>The suffix after the root in a chord name: "", "m", "7", "maj7", "m7", "dim", "9", "m9".</summary>
    public static string Suffix(ChordKind kind) => Table[kind].Suffix;

    /// <summary>The MusicXML &lt;kind&gt; value.</summary>
    public static string MusicXml(ChordKind kind) => Table[kind].MusicXml;

    /// <summary>Semitones above the root, in close position.</summary>
    public static IReadOnlyList<int> Intervals(ChordKind kind) => Table[kind].Intervals;

    public static bool TryParseSuffix(string suffix, out ChordKind kind)
    {
        foreach (var (candidate, names) in Table)
        {
            if (candidate != ChordKind.NoChord && names.Suffix == suffix)
            {
                kind = candidate;
                return true;
            }
        }

        kind = ChordKind.NoChord;
        return false;
    }
}

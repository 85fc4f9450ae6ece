namespace SithSynth.Domain.Music;

/// <summary>
/// A chord symbol as the models see it: a root pitch class (0 = C), a kind, and an optional bass pitch class.
/// Spelling (Bb rather than A#) is a matter of the key and happens when a sheet is written.
/// </summary>
public sealed record ChordSymbol(int Root, ChordKind Kind, int? Bass = null)
{
    public static ChordSymbol NoChord { get; } = new(0, ChordKind.NoChord);

    public bool IsNoChord => Kind == ChordKind.NoChord;

    /// <summary>The sounding pitch classes, root first.</summary>
    public IEnumerable<int> PitchClasses => ChordKindNames.Intervals(Kind).Select(i => (Root + i) % 12);

    public ChordSymbol Transpose(int semitones) => IsNoChord
        ? this
        : new ChordSymbol(PitchClass.Of(Root + semitones), Kind, Bass is { } bass ? PitchClass.Of(bass + semitones) : null);

    /// <summary>The name in C-major spelling, e.g. "Ebm7", "F#dim", "C/E", "N.C.". This is also the model token.</summary>
    public override string ToString() => IsNoChord
        ? ChordKindNames.Suffix(ChordKind.NoChord)
        : PitchClass.Name(Root) + ChordKindNames.Suffix(Kind) + (Bass is { } bass ? "/" + PitchClass.Name(bass) : "");

    public static ChordSymbol Parse(string text) =>
        TryParse(text, out var chord) ? chord : throw new FormatException($"'{text}' is not a chord symbol such as C, Ebm7, F#dim or N.C.");

    public static bool TryParse(string? text, out ChordSymbol chord)
    {
        chord = NoChord;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text == ChordKindNames.Suffix(ChordKind.NoChord))
        {
            return true;
        }

        if (!TrySplitBass(text, out text, out var bass)
            || !PitchClass.TryParseName(text, out var root, out var rootLength)
            || !ChordKindNames.TryParseSuffix(text[rootLength..], out var kind))
        {
            return false;
        }

        chord = new ChordSymbol(root, kind, bass);
        return true;
    }

    /// <summary>
    /// Takes a slash bass off a chord name: "C/E" → "C" and E (4), "Cm7" → itself and none; false when what follows the
    /// slash is not a note name.
    /// </summary>
    public static bool TrySplitBass(string text, out string body, out int? bass)
    {
        ArgumentNullException.ThrowIfNull(text);
        body = text;
        bass = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return true;
        }

        if (!PitchClass.TryParseName(text[(slash + 1)..], out var bassClass, out var bassLength) || bassLength != text.Length - slash - 1)
        {
            return false;
        }

        body = text[..slash];
        bass = bassClass;
        return true;
    }

    /// <summary>
    /// Folds a MusicXML &lt;kind&gt; value onto the model's chord kinds (sixths and suspensions to their triad,
    /// elevenths and thirteenths to ninths, half-diminished to diminished). Null where the kind carries no usable quality.
    /// </summary>
    public static ChordKind? Normalize(string musicXmlKind) => musicXmlKind switch
    {
        "major" or "augmented" or "major-sixth" or "suspended-second" or "suspended-fourth" or "power" => ChordKind.Major,
        "minor" or "minor-sixth" or "major-minor" => ChordKind.Minor,
        "dominant" or "augmented-seventh" or "dominant-seventh" or "7" => ChordKind.Dominant7,
        "major-seventh" or "major-ninth" or "major-11th" or "major-13th" => ChordKind.Major7,
        "minor-seventh" => ChordKind.Minor7,
        "minor-ninth" or "minor-11th" or "minor-13th" => ChordKind.Minor9,
        "dominant-ninth" or "dominant-11th" or "dominant-13th" => ChordKind.Dominant9,
        "diminished" or "diminished-seventh" or "half-diminished" => ChordKind.Diminished,
        "none" => ChordKind.NoChord,
        _ => null,
    };
}

namespace SithSynth.Domain.Music;

/// <summary>
/// A key with a spelled tonic, e.g. Eb major or F# minor. It places generated music (composed in C major / A minor)
/// and spells every pitch and chord root the way a musician would read it in that key.
/// </summary>
public sealed record Key(SpelledPitch Tonic, KeyMode Mode)
{
    private static readonly char[] Letters = ['C', 'D', 'E', 'F', 'G', 'A', 'B'];

    // Circle-of-fifths position of each major key's tonic spelling; minor keys sit three fifths lower (relative major).
    private static readonly string[] MajorTonicsByFifths = ["Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#"];

    // For each semitone above the tonic: the scale degree (0-based) it is written on. Chromatic notes take the
    // spelling common in tonal writing: b2, b3, #4, b6, b7 in major; b2, #3 (major third), #4, #6, #7 in minor.
    // The degrees coincide for both modes; only the resulting alterations differ.
    private static readonly int[] DegreeOfSemitone = [0, 1, 1, 2, 2, 3, 3, 4, 5, 5, 6, 6];

    public static Key CMajor { get; } = new(new SpelledPitch('C', 0), KeyMode.Major);

    public static Key AMinor { get; } = new(new SpelledPitch('A', 0), KeyMode.Minor);

    /// <summary>Where the corpus and the models keep music of a mode: C major or A minor.</summary>
    public static Key HomeOf(KeyMode mode) => mode == KeyMode.Major ? CMajor : AMinor;

    /// <summary>This key's home: C major for a major key, A minor for a minor one.</summary>
    public Key Home => HomeOf(Mode);

    /// <summary>Sharps (positive) or flats (negative) in the key signature, -7..7.</summary>
    public int Fifths
    {
        get
        {
            var relativeMajor = Mode == KeyMode.Major ? Tonic : SpellAbove(Tonic, 2, 3);
            return Array.IndexOf(MajorTonicsByFifths, relativeMajor.ToString()) - 7;
        }
    }

    /// <summary>Semitones (-5..+6) that move music from C major (or A minor) into this key, keeping the register close.</summary>
    public int TranspositionFromHome
    {
        get
        {
            var shift = PitchClass.Of(Tonic.PitchClass - (Mode == KeyMode.Major ? 0 : 9));
            return shift > 6 ? shift - 12 : shift;
        }
    }

    /// <summary>The alteration the key signature gives a letter: +1 for F in G major, -1 for B in F major.</summary>
    public int SignatureAlter(char step)
    {
        const string sharps = "FCGDAEB";
        var fifths = Fifths;
        return fifths >= 0
            ? (sharps.IndexOf(step, StringComparison.Ordinal) < fifths ? 1 : 0)
            : (sharps.Length - 1 - sharps.IndexOf(step, StringComparison.Ordinal) < -fifths ? -1 : 0);
    }

    /// <summary>How a pitch class is written in this key.</summary>
    public SpelledPitch Spell(int pitchClass)
    {
        var semitones = PitchClass.Of(pitchClass - Tonic.PitchClass);
        return SpellAbove(Tonic, DegreeOfSemitone[semitones], semitones);
    }

    public override string ToString() => Tonic + (Mode == KeyMode.Minor ? "m" : "");

    /// <summary>Reads "C", "Eb", "F#m", "Bbm": the keys with at most seven sharps or flats.</summary>
    public static bool TryParse(string? text, out Key key)
    {
        key = CMajor;
        if (string.IsNullOrEmpty(text) || !Letters.Contains(text[0]))
        {
            return false;
        }

        var mode = text.EndsWith('m') && text.Length > 1 ? KeyMode.Minor : KeyMode.Major;
        var name = mode == KeyMode.Minor ? text[..^1] : text;
        var alter = 0;
        foreach (var sign in name.AsSpan(1))
        {
            switch (sign)
            {
                case '#' when alter >= 0 && alter < 1:
                    alter++;
                    break;
                case 'b' when alter <= 0 && alter > -1:
                    alter--;
                    break;
                default:
                    return false;
            }
        }

        var candidate = new Key(new SpelledPitch(name[0], alter), mode);
        var relativeMajor = mode == KeyMode.Major ? candidate.Tonic : SpellAbove(candidate.Tonic, 2, 3);
        if (!MajorTonicsByFifths.Contains(relativeMajor.ToString()))
        {
            return false;
        }

        key = candidate;
        return true;
    }

    public static Key Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException($"'{text}' is not a key such as C, Eb or F#m (at most seven sharps or flats).");

    /// <summary>The note <paramref name="degree"/> letters above <paramref name="from"/>, altered to sit <paramref name="semitones"/> above it.</summary>
    private static SpelledPitch SpellAbove(SpelledPitch from, int degree, int semitones)
    {
        var letterIndex = Array.IndexOf(Letters, from.Step);
        var step = Letters[(letterIndex + degree) % 7];
        var natural = PitchClass.OfStep(step);
        var alter = PitchClass.Of(from.PitchClass + semitones - natural);
        if (alter > 6)
        {
            alter -= 12;
        }

        return new SpelledPitch(step, alter);
    }
}

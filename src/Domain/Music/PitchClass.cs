namespace SithSynth.Domain.Music;

/// <summary>Pitch classes 0..11 (0 = C) and their names in the models' home key of C.</summary>
public static class PitchClass
{
    private static readonly string[] Names = ["C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"];

    /// <summary>Steps C..B as pitch classes.</summary>
    private static readonly Dictionary<char, int> Naturals = new() { ['C'] = 0, ['D'] = 2, ['E'] = 4, ['F'] = 5, ['G'] = 7, ['A'] = 9, ['B'] = 11 };

    public static int Of(int semitones) => ((semitones % 12) + 12) % 12;

    public static string Name(int pitchClass) => Names[Of(pitchClass)];

    public static int OfStep(char step) => Naturals[step];

    /// <summary>Reads a note name at the start of <paramref name="text"/>: a letter and any sharps or flats.</summary>
    public static bool TryParseName(string text, out int pitchClass, out int length)
    {
        pitchClass = 0;
        length = 0;
        if (text.Length == 0 || !Naturals.TryGetValue(text[0], out var natural))
        {
            return false;
        }

        length = 1;
        var alter = 0;
        while (length < text.Length && text[length] is '#' or 'b')
        {
            alter += text[length] == '#' ? 1 : -1;
            length++;
        }

        pitchClass = Of(natural + alter);
        return true;
    }
}

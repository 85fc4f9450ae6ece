namespace SithSynth.Domain.Rendering;

/// <summary>An accidental printed before a note: its MusicXML name and whether it is a courtesy (cautionary) one.</summary>
public sealed record ShownAccidental(string Name, bool Cautionary)
{
    public static string NameOf(int alter) => alter switch
    {
        -2 => "flat-flat",
        -1 => "flat",
        0 => "natural",
        1 => "sharp",
        2 => "double-sharp",
        _ => throw new ArgumentOutOfRangeException(nameof(alter), alter, "Only alterations of up to two sharps or flats are written."),
    };
}

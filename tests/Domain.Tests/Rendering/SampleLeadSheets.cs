using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Rendering;

/// <summary>
/// Hand-made lead sheets, one per meter we write, covering triplets, dotted values, ties, rests, N.C.,
/// slash chords and keys with sharps and flats.
/// </summary>
internal static class SampleLeadSheets
{
    public static IReadOnlyDictionary<string, LeadSheet> All { get; } = new Dictionary<string, LeadSheet>
    {
        ["4/4 in Eb"] = Sheet(
            "4/4",
            "Eb",
            96,
            Bar(("Ebmaj7", 63, "1"), ("Ebmaj7", 65, "1/2"), ("Ebmaj7", 67, "1/2"), ("Ebmaj7", 70, "2")),
            Bar(("Cm7", 72, "1/3"), ("Cm7", 70, "1/3"), ("Cm7", 67, "1/3"), ("Cm7", null, "1"), ("Fm7", 68, "3/4"), ("Fm7", 67, "1/4"), ("Bb7", 65, "1")),
            Bar(("Eb/G", 63, "2/3"), ("Eb/G", 65, "2/3"), ("Eb/G", 67, "2/3"), ("Ab", 68, "3/2"), ("Ab", 70, "1/2")),
            Bar(("N.C.", null, "1"), ("Ab", 68, "3")),
            // 5/2 is no single note value: it is written tied.
            Bar(("Eb", 63, "5/2"), ("Eb", 63, "3/2"))),
        ["3/4 in F"] = Sheet(
            "3/4",
            "F",
            120,
            Bar(("F", 65, "1"), ("F", 69, "1"), ("F", 72, "1")),
            Bar(("Bb", 70, "3")),
            Bar(("Gm7", 67, "1"), ("C7", 64, "1/2"), ("C7", 65, "1/2"), ("C7", null, "1")),
            Bar(("N.C.", null, "3")),
            Bar(("F/A", 65, "3"))),
        ["2/4 in F#m"] = Sheet(
            "2/4",
            "F#m",
            100,
            Bar(("F#m", 66, "1/2"), ("F#m", 65, "1/2"), ("F#m", 66, "1")),
            Bar(("C#7", 61, "1/3"), ("C#7", 60, "1/3"), ("C#7", 61, "1/3"), ("C#7", 68, "1")),
            Bar(("Bm/D", 62, "3/4"), ("Bm/D", 64, "1/4"), ("Bm/D", null, "1")),
            Bar(("F#m", 66, "2"))),
        ["2/2 in C"] = Sheet(
            "2/2",
            "C",
            160,
            Bar(("C", 60, "2"), ("Am/G", 57, "2")),
            Bar(("Dm7", 62, "4/3"), ("Dm7", 64, "4/3"), ("Dm7", 65, "4/3")),
            Bar(("G7", 67, "3"), ("G7", null, "1")),
            Bar(("C/E", 72, "4"))),
        ["6/8 in Dm"] = Sheet(
            "6/8",
            "Dm",
            120,
            Bar(("Dm", 62, "1"), ("Dm", 65, "1/2"), ("Dm", 69, "3/2")),
            Bar(("A7", 61, "1/2"), ("A7", 64, "1/2"), ("A7", 67, "1/2"), ("A7", null, "3/2")),
            Bar(("Bb", 70, "3/2"), ("Gm", 67, "3/2")),
            Bar(("Dm", 62, "3"))),
        ["12/8 in Gb"] = Sheet(
            "12/8",
            "Gb",
            132,
            Bar(("Gb", 66, "3/2"), ("Gb", 68, "3/2"), ("Gb", 70, "3/2"), ("Gb", 71, "3/2")),
            Bar(("B", 71, "3"), ("Db7", 68, "1/2"), ("Db7", 66, "1/2"), ("Db7", 65, "1/2"), ("Db7", 63, "3/2")),
            Bar(("Gb", 66, "6"))),
    };

    public static TheoryData<string> Names => new(All.Keys);

    public static Measure Bar(params (string Chord, int? Pitch, string Length)[] events) =>
        new(events.Select(e => new MelodyEvent(ChordSymbol.Parse(e.Chord), e.Pitch, Duration.Parse(e.Length))).ToList());

    public static LeadSheet Sheet(string meter, string key, int tempo, params Measure[] bars)
    {
        var sheet = new LeadSheet(TimeSignature.Parse(meter), Key.Parse(key), tempo, bars);
        Assert.True(sheet.IsComplete, $"The sample in {meter} has a bar of the wrong length.");
        return sheet;
    }
}

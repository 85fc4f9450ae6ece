using SithSynth.Domain.Music;
using static SithSynth.Domain.Tests.Rendering.SampleLeadSheets;

namespace SithSynth.Domain.Tests.Rendering;

/// <summary>
/// A tour of what engraving has to get right, one per meter, written at home (C major, which is also A minor's
/// signature) and moved into every key: eighths and sixteenths to beam, dotted notes and syncopations to cut at beats,
/// rests off the beat, triplets, chromatic notes over secondary dominants (G# over E7) and borrowed chords.
/// </summary>
internal static class EngravingSheets
{
    /// <summary>Twelve major and twelve minor keys, the common spelling of each tonic.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        ["C", "G", "D", "A", "E", "B", "F#", "Db", "Ab", "Eb", "Bb", "F", "Am", "Em", "Bm", "F#m", "C#m", "G#m", "Ebm", "Bbm", "Fm", "Cm", "Gm", "Dm"];

    /// <summary>All 30 keys a request can name: 15 major and 15 minor, up to seven sharps or flats.</summary>
    public static IReadOnlyList<string> AllKeys { get; } = [.. Keys, "Cb", "Gb", "C#", "Abm", "D#m", "A#m"];

    public static IReadOnlyDictionary<string, LeadSheet> Tours { get; } = new Dictionary<string, LeadSheet>
    {
        ["4/4"] = Sheet(
            "4/4",
            "C",
            100,
            Bar(("C", 60, "1/2"), ("C", 62, "1/2"), ("C", 64, "1/2"), ("C", 65, "1/2"), ("C", 67, "1/4"), ("C", 69, "1/4"), ("C", 71, "1/4"), ("C", 72, "1/4"), ("C", 71, "1/2"), ("C", 69, "1/2")),
            Bar(("E7", 68, "3/4"), ("E7", 69, "1/4"), ("E7", null, "1/2"), ("E7", 71, "1"), ("E7", 68, "1/2"), ("Am", 69, "1")),
            Bar(("Dm7", 62, "1/3"), ("Dm7", 63, "1/3"), ("Dm7", 64, "1/3"), ("G7", 65, "2/3"), ("G7", 66, "2/3"), ("G7", 67, "2/3"), ("G7", null, "1")),
            Bar(("Fm", 68, "3/2"), ("Fm", 67, "1/2"), ("Bb7", 70, "1"), ("Bb7", 68, "1")),
            Bar(("C", null, "1/2"), ("C", 64, "5/2"), ("C", 60, "1")),
            Bar(("C", 72, "4"))),
        ["3/4"] = Sheet(
            "3/4",
            "C",
            120,
            Bar(("C", 60, "1/2"), ("C", 62, "1/2"), ("C", 64, "1/2"), ("C", 65, "1/2"), ("C", 67, "1")),
            Bar(("A7", 61, "1/2"), ("A7", 64, "1"), ("A7", 67, "1/2"), ("Dm", 65, "1")),
            Bar(("G7", 67, "3/4"), ("G7", 66, "1/4"), ("G7", 67, "2")),
            Bar(("C", null, "1"), ("C", 64, "1/3"), ("C", 63, "1/3"), ("C", 62, "1/3"), ("C", 60, "1")),
            Bar(("C", 60, "3"))),
        ["2/4"] = Sheet(
            "2/4",
            "C",
            90,
            Bar(("C", 60, "1/4"), ("C", 62, "1/4"), ("C", 64, "1/4"), ("C", 65, "1/4"), ("C", 67, "1/2"), ("C", 65, "1/2")),
            Bar(("D7", 66, "1/2"), ("D7", 69, "1"), ("D7", 66, "1/2")),
            Bar(("G", 67, "3/2"), ("G", null, "1/2")),
            Bar(("C", 72, "2"))),
        ["2/2"] = Sheet(
            "2/2",
            "C",
            80,
            Bar(("C", 60, "1/2"), ("C", 62, "1/2"), ("C", 64, "1/2"), ("C", 65, "1/2"), ("C", 67, "1/2"), ("C", 69, "1/2"), ("C", 71, "1/2"), ("C", 72, "1/2")),
            Bar(("E7", 68, "2"), ("E7", 71, "1"), ("E7", 68, "1")),
            Bar(("Am", 69, "1"), ("Am", 72, "2"), ("Am", 69, "1")),
            Bar(("Dm7", 62, "4/3"), ("G7", 66, "4/3"), ("G7", 67, "4/3")),
            Bar(("C", 60, "4"))),
        ["6/8"] = Sheet(
            "6/8",
            "C",
            72,
            Bar(("C", 60, "1/2"), ("C", 62, "1/2"), ("C", 64, "1/2"), ("C", 65, "1"), ("C", 67, "1/2")),
            Bar(("E7", 68, "2"), ("E7", 71, "1/2"), ("E7", 68, "1/2")),
            Bar(("Am", 69, "3/4"), ("Am", 70, "1/4"), ("Am", 69, "1/2"), ("Am", null, "3/2")),
            Bar(("C", 72, "3"))),
        ["12/8"] = Sheet(
            "12/8",
            "C",
            60,
            Bar(("C", 60, "1/2"), ("C", 62, "1/2"), ("C", 64, "1/2"), ("C", 65, "1/2"), ("C", 67, "1/2"), ("C", 69, "1/2"), ("C", 67, "3/2"), ("C", 65, "3/2")),
            Bar(("B7", 63, "1"), ("B7", 66, "1/2"), ("B7", 71, "3"), ("E", 68, "3/2")),
            Bar(("C", 72, "6"))),
    };

    /// <summary>
    /// Every chord kind of the vocabulary, N.C. included, a bar each at home (C major), the roots walking by fifths so
    /// that moved into a key they take sharps and flats; the melody holds each root, and rests under N.C.
    /// </summary>
    public static LeadSheet ChordKinds { get; } = new(
        TimeSignature.Parse("4/4"),
        Key.Parse("C"),
        100,
        [.. Enum.GetValues<ChordKind>().Select((kind, bar) =>
        {
            var root = PitchClass.Of(bar * 7);
            var chord = kind == ChordKind.NoChord ? ChordSymbol.NoChord : new ChordSymbol(root, kind);
            return new Measure([new MelodyEvent(chord, kind == ChordKind.NoChord ? null : 60 + root, Duration.Quarters(4))]);
        })]);

    /// <summary><see cref="ChordKinds"/> in all 30 keys, named "chord kinds in F#m".</summary>
    public static IReadOnlyDictionary<string, LeadSheet> ChordKindsInKeys { get; } = AllKeys.ToDictionary(k => $"chord kinds in {k}", k => In(ChordKinds, k));

    public static TheoryData<string> ChordKindsInKeysNames => new(ChordKindsInKeys.Keys);

    /// <summary>A tour in a key ("6/8 in Dm") or the chord kinds in one ("chord kinds in Eb").</summary>
    public static LeadSheet Named(string name) => InKeys.TryGetValue(name, out var tour) ? tour : ChordKindsInKeys[name];

    /// <summary>Every tour in every one of the 24 keys, named "4/4 in F#m".</summary>
    public static IReadOnlyDictionary<string, LeadSheet> InKeys { get; } = Tours
        .SelectMany(t => Keys.Select(k => (Name: $"{t.Key} in {k}", Sheet: In(t.Value, k))))
        .ToDictionary(t => t.Name, t => t.Sheet);

    public static TheoryData<string> InKeysNames => new(InKeys.Keys);

    public static TheoryData<string> Meters => new(Tours.Keys);

    /// <summary>The sheet moved from its home into <paramref name="key"/>, as the generator moves what the model writes.</summary>
    public static LeadSheet In(LeadSheet home, string key)
    {
        var target = Key.Parse(key);
        return home.TransposeTo(target, target.TranspositionFromHome);
    }
}

using System.Xml.Linq;
using SithSynth.Domain.Rendering;
using static SithSynth.Domain.Tests.Rendering.ScoreReading;

namespace SithSynth.Domain.Tests.Rendering.Readers;

/// <summary>Every meter in 24 keys, read back by Verovio: the pitches, the accidentals shown, the beams and the chord symbols are ours.</summary>
public sealed class VerovioTests : IClassFixture<VerovioTests.Readings>
{
    private readonly Readings _readings;

    public VerovioTests(Readings readings) => _readings = readings;

    [Theory]
    [MemberData(nameof(EngravingSheets.InKeysNames), MemberType = typeof(EngravingSheets))]
    public void Verovio_reads_back_the_pitches_and_accidentals_we_wrote(string name)
    {
        var (score, mei) = (_readings.Scores[name], _readings.Mei[name]);
        foreach (var (part, staff) in Parts)
        {
            var ours = Notes(Part(score, part)).Where(n => n.Element("pitch") is not null).Select(n =>
            {
                var pitch = n.Element("pitch")!;
                var shown = n.Element("accidental")?.Value;
                return $"{((string)pitch.Element("step")!).ToLowerInvariant()}{(int)pitch.Element("octave")!} alter {(int?)pitch.Element("alter") ?? 0} shown {shown ?? "-"}";
            });
            var theirs = MeiNotes(mei, staff).Select(n =>
            {
                var written = Accid(n, "accid");
                var sounding = written ?? Accid(n, "accid.ges");
                return $"{(string)n.Attribute("pname")!}{(int)n.Attribute("oct")!} alter {Alter(sounding)} shown {Name(written)}";
            });

            Assert.Equal(ours, theirs);
        }
    }

    [Theory]
    [MemberData(nameof(EngravingSheets.InKeysNames), MemberType = typeof(EngravingSheets))]
    public void Verovio_reads_back_the_beams_we_wrote(string name)
    {
        var (score, mei) = (_readings.Scores[name], _readings.Mei[name]);
        var ourBeams = new List<int>();
        foreach (var note in Notes(Part(score, MusicXmlWriter.MelodyPart)).Where(n => n.Element("chord") is null))
        {
            var beam = (string?)note.Elements("beam").FirstOrDefault(b => (int)b.Attribute("number")! == 1);
            if (beam == "begin")
            {
                ourBeams.Add(0);
            }

            if (beam is not null)
            {
                ourBeams[^1]++;
            }
        }

        var theirBeams = mei.Descendants(Verovio.Mei + "staff").Where(s => (string)s.Attribute("n")! == "1")
            .SelectMany(s => s.Descendants(Verovio.Mei + "beam"))
            .Select(b => b.Descendants(Verovio.Mei + "note").Count(n => n.Parent!.Name != Verovio.Mei + "chord") + b.Descendants(Verovio.Mei + "chord").Count())
            .ToList();

        Assert.NotEmpty(ourBeams);
        Assert.Equal(ourBeams, theirBeams);
        Assert.Empty(mei.Descendants(Verovio.Mei + "staff").Where(s => (string)s.Attribute("n")! == "2").Descendants(Verovio.Mei + "beam"));
    }

    /// <summary>
    /// Verovio prints each chord symbol as root, ♯ or ♭, the kind's text and bass: the symbol a lead sheet prints. N.C.
    /// it leaves blank (it reads no function), which is better than the "C" it prints for "none" over a root.
    /// </summary>
    [Theory]
    [MemberData(nameof(EngravingSheets.ChordKindsInKeysNames), MemberType = typeof(EngravingSheets))]
    [MemberData(nameof(EngravingSheets.InKeysNames), MemberType = typeof(EngravingSheets))]
    public void Verovio_prints_every_chord_kind_as_the_symbol_a_lead_sheet_prints(string name)
    {
        var (score, mei) = (_readings.Scores[name], _readings.Mei[name]);
        var ours = score.Descendants("harmony").Select(h => h.Element("kind")!.Value == "none" ? "" : PrintedSymbol(h));
        var theirs = mei.Descendants(Verovio.Mei + "harm").Select(h => h.Value);

        Assert.Equal(ours, theirs);
    }

    private static string PrintedSymbol(XElement harmony)
    {
        static string Note(XElement? step, XElement? alter) => (string)step! + ((int?)alter ?? 0) switch { 1 => "♯", -1 => "♭", 0 => "", var a => throw new InvalidDataException($"alter {a}") };
        var root = harmony.Element("root")!;
        var bass = harmony.Element("bass");
        return Note(root.Element("root-step"), root.Element("root-alter")) + (string)harmony.Element("kind")!.Attribute("text")!
            + (bass is null ? "" : "/" + Note(bass.Element("bass-step"), bass.Element("bass-alter")));
    }

    private static readonly (string Part, string Staff)[] Parts = [(MusicXmlWriter.MelodyPart, "1"), (MusicXmlWriter.ChordPart, "2")];

    private static IEnumerable<XElement> MeiNotes(XDocument mei, string staff) =>
        mei.Descendants(Verovio.Mei + "staff").Where(s => (string)s.Attribute("n")! == staff).SelectMany(s => s.Descendants(Verovio.Mei + "note"));

    /// <summary>An MEI accidental, as an attribute of the note or of an &lt;accid&gt; inside it.</summary>
    private static string? Accid(XElement note, string attribute) =>
        (string?)note.Attribute(attribute) ?? note.Elements(Verovio.Mei + "accid").Select(a => (string?)a.Attribute(attribute)).FirstOrDefault(a => a is not null);

    private static int Alter(string? accid) => accid switch
    {
        null or "n" => 0,
        "s" => 1,
        "f" => -1,
        "x" or "ss" => 2,
        "ff" => -2,
        _ => throw new InvalidDataException($"Unknown MEI accidental {accid}."),
    };

    private static string Name(string? accid) => accid switch
    {
        null => "-",
        "n" => "natural",
        "s" => "sharp",
        "f" => "flat",
        "x" or "ss" => "double-sharp",
        "ff" => "flat-flat",
        _ => throw new InvalidDataException($"Unknown MEI accidental {accid}."),
    };

    /// <summary>Every tour in 24 keys and the chord kinds in 30, written once and read by Verovio in one run of node.</summary>
    public sealed class Readings
    {
        public Readings()
        {
            Scores = EngravingSheets.InKeys.Concat(EngravingSheets.ChordKindsInKeys).ToDictionary(s => s.Key, s => MusicXmlWriter.Write(s.Value, s.Key));
            Mei = Verovio.Read(Scores.ToDictionary(s => s.Key, s => MusicXmlWriter.ToBytes(s.Value)));
        }

        public IReadOnlyDictionary<string, XDocument> Scores { get; }

        public IReadOnlyDictionary<string, XDocument> Mei { get; }
    }
}

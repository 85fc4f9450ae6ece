using System.Xml.Linq;
using SithSynth.Domain.Music;
using SithSynth.Domain.Rendering;
using static SithSynth.Domain.Tests.Rendering.SampleLeadSheets;
using static SithSynth.Domain.Tests.Rendering.ScoreReading;

namespace SithSynth.Domain.Tests.Rendering;

public class BarAccidentalsTests
{
    [Fact]
    public void An_accidental_holds_to_the_end_of_its_bar_is_cancelled_by_a_natural_and_gets_a_courtesy_in_the_next_bar()
    {
        var sheet = Sheet(
            "4/4",
            "C",
            100,
            Bar(("C", 66, "1"), ("C", 66, "1"), ("C", 65, "1"), ("C", 66, "1")),
            Bar(("C", 65, "1"), ("C", 65, "1"), ("C", 67, "2")));

        // F#4 sharp, F#4 nothing, F4 natural, F#4 sharp again; next bar: F4 a courtesy natural, then nothing.
        Assert.Equal(["sharp", "-", "natural", "sharp", "natural?", "-", "-"], Accidentals(sheet));
    }

    [Fact]
    public void The_key_signature_needs_no_accidental_and_a_departure_from_it_does()
    {
        var sheet = Sheet("3/4", "D", 100, Bar(("D", 66, "1"), ("D", 65, "1"), ("D", 73, "1")), Bar(("D", 66, "3")));

        // F#4 from the signature, F4 natural, C#5 from the signature; next bar F#4 with a courtesy sharp.
        Assert.Equal(["-", "natural", "-", "sharp?"], Accidentals(sheet));
    }

    [Fact]
    public void An_accidental_belongs_to_its_octave_and_the_other_octave_gets_a_courtesy()
    {
        var sheet = Sheet("4/4", "C", 100, Bar(("C", 66, "1"), ("C", 77, "1"), ("C", 78, "1"), ("C", 78, "1")));

        // F#4, then F5 (natural by the signature, shown as a courtesy), F#5 sharp, F#5 nothing.
        Assert.Equal(["sharp", "natural?", "sharp", "-"], Accidentals(sheet));
    }

    [Fact]
    public void A_note_tied_over_the_barline_shows_no_accidental_and_the_line_is_restated_after_it()
    {
        var tied = new MelodyEvent(ChordSymbol.Parse("E7"), 68, Duration.Quarters(1)) { Tied = true };
        var sheet = Sheet(
            "4/4",
            "C",
            100,
            Bar(("E7", 64, "3"), ("E7", 68, "1")),
            new Measure([tied, new MelodyEvent(ChordSymbol.Parse("C"), 67, Duration.Quarters(1)), new MelodyEvent(ChordSymbol.Parse("C"), 68, Duration.Quarters(2))]));

        // G#4 sharp, tied into bar 2 with none; G4 natural as a courtesy, then Ab4 over C (the key's spelling) flat.
        Assert.Equal(["-", "sharp", "-", "natural?", "flat"], Accidentals(sheet));
    }

    [Fact]
    public void Each_part_keeps_its_own_accidentals()
    {
        var sheet = Sheet("4/4", "C", 100, Bar(("E7", 68, "2"), ("E7", 68, "2")));
        var score = MusicXmlWriter.Write(sheet, "accidentals");

        Assert.Equal(["sharp", "-"], Notes(Bars(score, MusicXmlWriter.MelodyPart)[0]).Select(Shown));
        // The E7 voicing E3 G#3 B3 D4 once for the bar: the G# carries its sharp.
        Assert.Equal(["-", "sharp", "-", "-"], Notes(Bars(score, MusicXmlWriter.ChordPart)[0]).Select(Shown));
    }

    private static List<string> Accidentals(LeadSheet sheet) =>
        [.. Notes(Part(MusicXmlWriter.Write(sheet, "accidentals"), MusicXmlWriter.MelodyPart)).Where(n => n.Element("pitch") is not null).Select(Shown)];

    private static string Shown(XElement note) => note.Element("accidental") is { } a
        ? a.Value + ((string?)a.Attribute("cautionary") == "yes" ? "?" : "")
        : "-";
}

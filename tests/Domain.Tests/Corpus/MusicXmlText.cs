using System.Globalization;
using System.Xml.Linq;

namespace SithSynth.Domain.Tests.Corpus;

/// <summary>Small hand-written MusicXML scores for the corpus tests; durations are in divisions of 4 per quarter.</summary>
internal static class MusicXmlText
{
    public const int Divisions = 4;

    public static XDocument Score(params string[] measures) => XDocument.Parse(
        "<score-partwise><part-list><score-part id=\"P1\"/></part-list><part id=\"P1\">"
        + string.Concat(measures.Select((m, i) => $"<measure number=\"{i + 1}\">{m}</measure>"))
        + "</part></score-partwise>");

    public static string Attributes(int beats = 4, int beatType = 4, int fifths = 0, string? mode = "major") =>
        $"<attributes><divisions>{Divisions}</divisions><key><fifths>{fifths}</fifths>{(mode is null ? "" : $"<mode>{mode}</mode>")}</key>"
        + $"<time><beats>{beats}</beats><beat-type>{beatType}</beat-type></time></attributes>";

    public static string Time(int beats, int beatType) => $"<attributes><time><beats>{beats}</beats><beat-type>{beatType}</beat-type></time></attributes>";

    /// <summary>A note such as ("C", 4) lasting <paramref name="sixteenths"/>; extra is placed inside the note element.</summary>
    public static string Note(string step, int octave, int sixteenths, int alter = 0, string extra = "") =>
        $"<note><pitch><step>{step}</step>{(alter == 0 ? "" : $"<alter>{alter}</alter>")}<octave>{octave}</octave></pitch>"
        + $"<duration>{sixteenths.ToString(CultureInfo.InvariantCulture)}</duration>{extra}</note>";

    public static string Rest(int sixteenths) => $"<note><rest/><duration>{sixteenths}</duration></note>";

    public static string TieStart => "<tie type=\"start\"/>";

    public static string TieStop => "<tie type=\"stop\"/>";

    public static string Harmony(string step, string kind, int alter = 0, string? bassStep = null, int? offset = null) =>
        $"<harmony><root><root-step>{step}</root-step>{(alter == 0 ? "" : $"<root-alter>{alter}</root-alter>")}</root><kind>{kind}</kind>"
        + (bassStep is null ? "" : $"<bass><bass-step>{bassStep}</bass-step></bass>")
        + (offset is null ? "" : $"<offset>{offset}</offset>")
        + "</harmony>";
}

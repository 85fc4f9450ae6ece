using System.Xml.Linq;

namespace SithSynth.Tests;

/// <summary>
/// Each part's measures of a MusicXML score, as written, but for courtesy accidentals: those remind the reader of what
/// the bar before altered, so a new bar before a kept one rightly decides them. What co-writing tests compare.
/// </summary>
internal static class KeptMeasures
{
    public static List<List<string>> Of(XDocument score) =>
        [.. score.Root!.Elements("part").Select(part => part.Elements("measure").Select(WithoutCourtesy).ToList())];

    private static string WithoutCourtesy(XElement measure)
    {
        var copy = new XElement(measure);
        copy.Descendants("accidental").Where(a => (string?)a.Attribute("cautionary") == "yes").Remove();
        return copy.ToString(SaveOptions.DisableFormatting);
    }
}

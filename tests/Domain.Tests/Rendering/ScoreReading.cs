using System.Xml.Linq;

namespace SithSynth.Domain.Tests.Rendering;

/// <summary>Reads back what the MusicXML writer wrote: parts, bars, notes, pitches, ties, beams and chord names.</summary>
internal static class ScoreReading
{
    public static XElement Part(XDocument score, string id) => score.Root!.Elements("part").Single(p => (string)p.Attribute("id")! == id);

    public static List<XElement> Bars(XDocument score, string part) => Part(score, part).Elements("measure").ToList();

    public static List<XElement> Notes(XElement scope) => scope.Descendants("note").ToList();

    public static int StaffLength(XElement measure) =>
        Notes(measure).Where(n => n.Element("chord") is null).Sum(n => (int)n.Element("duration")!);

    /// <summary>The notes grouped into what sounds together: a note and the &lt;chord/&gt; notes stacked on it.</summary>
    public static List<List<XElement>> Sounds(XElement measure)
    {
        var sounds = new List<List<XElement>>();
        foreach (var note in Notes(measure))
        {
            if (note.Element("chord") is null)
            {
                sounds.Add([]);
            }

            sounds[^1].Add(note);
        }

        return sounds;
    }

    public static bool HasTie(XElement note, string type) => note.Elements("tie").Any(t => (string)t.Attribute("type")! == type);

    /// <summary>"B+1/3" for B#3, "E-1/4" for Eb4, "G4": step, alteration where there is one, octave.</summary>
    public static string PitchName(XElement note)
    {
        var pitch = note.Element("pitch");
        if (pitch is null)
        {
            return "rest";
        }

        var alter = (int?)pitch.Element("alter");
        return (string)pitch.Element("step")! + (alter is { } a ? $"{a:+0;-0}/" : "") + (string)pitch.Element("octave")!;
    }

    public static string ChordName(XElement harmony)
    {
        var kind = harmony.Element("kind")!;
        if (kind.Value == "none")
        {
            return (string)kind.Attribute("text")!;
        }

        var root = harmony.Element("root")!;
        var bass = harmony.Element("bass");
        return Spelled((string)root.Element("root-step")!, (int?)root.Element("root-alter"))
            + (string)kind.Attribute("text")!
            + (bass is null ? "" : "/" + Spelled((string)bass.Element("bass-step")!, (int?)bass.Element("bass-alter")));
    }

    public static string Spelled(string step, int? alter) => step + (alter switch
    {
        null or 0 => "",
        > 0 => new string('#', alter.Value),
        < 0 => new string('b', -alter.Value),
    });

    /// <summary>A note as its type, "." if dotted, "3" if a triplet, its first beam ("[", "-", "]") and "~" if tied on: "eighth[", "r:16th".</summary>
    public static string Rhythm(XElement note) =>
        (note.Element("rest") is null ? "" : "r:") + (string?)note.Element("type") + (note.Element("dot") is null ? "" : ".") + (note.Element("time-modification") is null ? "" : "3")
        + (note.Elements("beam").FirstOrDefault() is { } beam ? (string)beam switch { "begin" => "[", "continue" => "-", "end" => "]", _ => "?" } : "")
        + (HasTie(note, "start") ? "~" : "");
}

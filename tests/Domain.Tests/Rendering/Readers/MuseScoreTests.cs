using System.Globalization;
using System.Text;
using System.Xml.Linq;
using SithSynth.Domain.Rendering;

namespace SithSynth.Domain.Tests.Rendering.Readers;

/// <summary>
/// MuseScore 3 (Debian's musescore3, installed through install-musescore.sh on first use) converts every meter to a
/// PDF, headless, and says nothing about the file: no missing instrument, no instrument change, no bad tie or tuplet.
/// Its own score format shows how it read each chord symbol.
/// </summary>
public class MuseScoreTests
{
    private static readonly Lazy<string> Program = new(Install);

    public static TheoryData<string, SheetLayout> Sheets { get; } = new()
    {
        { "4/4 in Eb", SheetLayout.Piano },
        { "3/4 in F#m", SheetLayout.Piano },
        { "2/4 in Bb", SheetLayout.Piano },
        { "2/2 in E", SheetLayout.Piano },
        { "6/8 in Dm", SheetLayout.Piano },
        { "12/8 in Db", SheetLayout.Piano },
        { "4/4 in G#m", SheetLayout.LeadSheet },
        { "chord kinds in Eb", SheetLayout.Piano },
    };

    public static TheoryData<string> ChordKindKeys { get; } = new(["chord kinds in Eb", "chord kinds in F#m", "chord kinds in Cb", "chord kinds in C#"]);

    [Theory]
    [MemberData(nameof(Sheets))]
    public void MuseScore_converts_the_sheet_to_PDF_without_a_word_about_the_file(string name, SheetLayout layout)
    {
        var (said, pdf) = Convert(name, layout, "pdf");

        // What MuseScore says about any conversion: where it runs, which file, where to, and that it succeeded.
        var remarks = said.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith("QStandardPaths:", StringComparison.Ordinal)
                && !line.StartsWith("convert <", StringComparison.Ordinal)
                && !line.StartsWith("to <", StringComparison.Ordinal)
                && line != "... success!");
        Assert.Empty(remarks);
        Assert.Contains("... success!", said, StringComparison.Ordinal);
        Assert.StartsWith("%PDF", Encoding.Latin1.GetString(pdf.AsSpan(0, 4)), StringComparison.Ordinal);
    }

    /// <summary>
    /// Each symbol keeps its root as spelled (MuseScore's tonal pitch class, on the line of fifths) and the kind's text
    /// as its name; N.C. has no root, so MuseScore prints "N.C." and not "CN.C.".
    /// </summary>
    [Theory]
    [MemberData(nameof(ChordKindKeys))]
    public void MuseScore_reads_each_chord_symbol_with_our_spelling_and_text(string name)
    {
        var ours = MusicXmlWriter.Write(EngravingSheets.ChordKindsInKeys[name], name).Descendants("harmony").Select(h =>
        {
            var kind = h.Element("kind")!;
            var root = h.Element("root");
            return (root is null ? "-" : Tpc((string)root.Element("root-step")!, (int?)root.Element("root-alter") ?? 0).ToString(CultureInfo.InvariantCulture))
                + " " + (string)kind.Attribute("text")!;
        });

        var (_, mscx) = Convert(name, SheetLayout.Piano, "mscx");
        var theirs = XDocument.Parse(Encoding.UTF8.GetString(mscx)).Descendants("Harmony")
            .Select(h => ((string?)h.Element("root") ?? "-") + " " + ((string?)h.Element("name") ?? ""));

        Assert.Equal(ours, theirs);
    }

    /// <summary>MuseScore's tonal pitch class: C is 14, each fifth up one more, each sharp seven more.</summary>
    private static int Tpc(string step, int alter) => 14 + "FCGDAEB".IndexOf(step, StringComparison.Ordinal) - 1 + (7 * alter);

    private static (string Said, byte[] Output) Convert(string name, SheetLayout layout, string extension)
    {
        var sheet = EngravingSheets.Named(name);
        var folder = Directory.CreateTempSubdirectory("musescore-");
        try
        {
            var score = Path.Combine(folder.FullName, "sheet.musicxml");
            var output = Path.Combine(folder.FullName, "sheet." + extension);
            File.WriteAllBytes(score, MusicXmlWriter.ToBytes(MusicXmlWriter.Write(sheet, name, layout: layout)));
            var said = ReaderProcess.Run("bash", ["-c", "\"$0\" -o \"$1\" \"$2\" 2>&1", Program.Value, output, score], ("QT_QPA_PLATFORM", "offscreen"), ("XDG_RUNTIME_DIR", folder.FullName));
            return (said, File.ReadAllBytes(output));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Install()
    {
        const string program = "/usr/bin/mscore3";
        if (!File.Exists(program))
        {
            ReaderProcess.Run("bash", [Path.Combine(RepositoryRoot.Path, "tests", "Domain.Tests", "Rendering", "Readers", "install-musescore.sh")]);
        }

        return program;
    }
}

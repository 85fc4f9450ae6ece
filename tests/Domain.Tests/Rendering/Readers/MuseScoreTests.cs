using SithSynth.Domain.Rendering;

namespace SithSynth.Domain.Tests.Rendering.Readers;

/// <summary>
/// MuseScore 3 (Debian's musescore3, installed through install-musescore.sh on first use) converts every meter to a
/// PDF, headless, and says nothing about the file: no missing instrument, no instrument change, no bad tie or tuplet.
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
    };

    [Theory]
    [MemberData(nameof(Sheets))]
    public void MuseScore_converts_the_sheet_to_PDF_without_a_word_about_the_file(string name, SheetLayout layout)
    {
        var folder = Directory.CreateTempSubdirectory("musescore-");
        try
        {
            var score = Path.Combine(folder.FullName, "sheet.musicxml");
            var pdf = Path.Combine(folder.FullName, "sheet.pdf");
            File.WriteAllBytes(score, MusicXmlWriter.ToBytes(MusicXmlWriter.Write(EngravingSheets.InKeys[name], name, layout: layout)));

            var said = ReaderProcess.Run("bash", ["-c", "\"$0\" -o \"$1\" \"$2\" 2>&1", Program.Value, pdf, score], ("QT_QPA_PLATFORM", "offscreen"), ("XDG_RUNTIME_DIR", folder.FullName));

            // What MuseScore says about any conversion: where it runs, which file, where to, and that it succeeded.
            var remarks = said.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(line => !line.StartsWith("QStandardPaths:", StringComparison.Ordinal)
                    && !line.StartsWith("convert <", StringComparison.Ordinal)
                    && !line.StartsWith("to <", StringComparison.Ordinal)
                    && line != "... success!");
            Assert.Empty(remarks);
            Assert.Contains("... success!", said, StringComparison.Ordinal);
            Assert.StartsWith("%PDF", File.ReadAllText(pdf), StringComparison.Ordinal);
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

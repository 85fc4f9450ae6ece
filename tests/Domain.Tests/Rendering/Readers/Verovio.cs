using System.Xml.Linq;

namespace SithSynth.Domain.Tests.Rendering.Readers;

/// <summary>
/// Verovio (npm, pinned in install-verovio.sh, installed into .tools/verovio on first use) run in node: it reads our
/// MusicXML as an independent engraver would and hands back its MEI, whose notes, accidentals and beams the tests
/// compare with what we wrote.
/// </summary>
internal static class Verovio
{
    public static readonly XNamespace Mei = "http://www.music-encoding.org/ns/mei";

    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "tests", "Domain.Tests", "Rendering", "Readers");
    private static readonly string Home = Path.Combine(RepositoryRoot.Path, ".tools", "verovio");
    private static readonly Lazy<string> Installed = new(Install);

    /// <summary>Each file (name to MusicXML bytes) as Verovio's MEI, read in one run of node.</summary>
    public static IReadOnlyDictionary<string, XDocument> Read(IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var home = Installed.Value;
        var folder = Directory.CreateTempSubdirectory("verovio-");
        try
        {
            var paths = new Dictionary<string, string>();
            var index = 0;
            foreach (var (name, bytes) in files)
            {
                var path = Path.Combine(folder.FullName, $"{index++}.musicxml");
                File.WriteAllBytes(path, bytes);
                paths[path] = name;
            }

            var output = ReaderProcess.Run("node", [Path.Combine(Folder, "verovio-read.mjs"), .. paths.Keys], ("VEROVIO_HOME", home));
            var documents = new Dictionary<string, XDocument>();
            foreach (var chunk in output.Split("==== ", StringSplitOptions.RemoveEmptyEntries))
            {
                var newline = chunk.IndexOf('\n', StringComparison.Ordinal);
                documents[paths[chunk[..newline]]] = XDocument.Parse(chunk[(newline + 1)..]);
            }

            return documents;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Install()
    {
        ReaderProcess.Run("bash", [Path.Combine(Folder, "install-verovio.sh")]);
        return Home;
    }
}

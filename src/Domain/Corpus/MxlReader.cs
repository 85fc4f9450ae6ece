using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace SithSynth.Domain.Corpus;

/// <summary>
/// Opens a compressed MusicXML file (.mxl): a zip whose META-INF/container.xml names the score inside it.
/// </summary>
public static partial class MxlReader
{
    private const string ContainerPath = "META-INF/container.xml";

    public static XDocument Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>The score document; throws <see cref="InvalidDataException"/> when the archive holds no readable score.</summary>
    public static XDocument Read(Stream stream)
    {
        using var archive = new ZipArchive(stream, ZipArchiveMode.Read);
        var rootPath = RootfilePath(archive);
        var entry = (rootPath is null ? null : archive.GetEntry(rootPath)) ?? SingleScoreEntry(archive)
            ?? throw new InvalidDataException("the archive names no score and holds no single MusicXML file");
        using var entryStream = entry.Open();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(entryStream, settings);
        try
        {
            return XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"the score is not well-formed XML: {e.Message}", e);
        }
    }

    private static string? RootfilePath(ZipArchive archive)
    {
        var container = archive.GetEntry(ContainerPath);
        if (container is null)
        {
            return null;
        }

        using var reader = new StreamReader(container.Open());
        var text = reader.ReadToEnd();
        try
        {
            return XDocument.Parse(text).Descendants("rootfile").Select(r => (string?)r.Attribute("full-path")).FirstOrDefault();
        }
        catch (XmlException)
        {
            // Some exporters write full-path='Mary's Song.xml', an apostrophe inside single quotes: read up to the
            // closing quote that ends the tag, which is where the exporter meant the name to end.
            var match = BrokenFullPath().Match(text);
            return match.Success ? match.Groups["path"].Value : null;
        }
    }

    private static ZipArchiveEntry? SingleScoreEntry(ZipArchive archive)
    {
        var scores = archive.Entries
            .Where(e => !e.FullName.StartsWith("META-INF/", StringComparison.Ordinal)
                && (e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".musicxml", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return scores.Count == 1 ? scores[0] : null;
    }

    [GeneratedRegex("full-path=(?<quote>['\"])(?<path>.*?)\\k<quote>\\s*/?>")]
    private static partial Regex BrokenFullPath();
}

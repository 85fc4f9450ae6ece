using System.Xml;
using System.Xml.Schema;

namespace SithSynth.Domain.Tests.Rendering;

/// <summary>
/// The official MusicXML 4.0 XSD, kept in the repository (schemas/musicxml-4.0). Its imports name web addresses,
/// which are answered from the local copies so validation works offline.
/// </summary>
internal static class MusicXmlSchema
{
    private static readonly string Folder = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "schemas", "musicxml-4.0"));

    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load);

    /// <summary>Every validation error and warning, with its line; empty when the document is valid.</summary>
    public static IReadOnlyList<string> Problems(byte[] document)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Schemas.Value,
            DtdProcessing = DtdProcessing.Ignore, // The DOCTYPE names the DTD; the XSD is what we check against.
            XmlResolver = null,
        };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} at line {e.Exception.LineNumber}: {e.Message}");

        using var stream = new MemoryStream(document);
        using var reader = XmlReader.Create(stream, settings);
        while (reader.Read())
        {
        }

        return problems;
    }

    private static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet { XmlResolver = new LocalResolver(Folder) };
        using (var reader = XmlReader.Create(Path.Combine(Folder, "musicxml.xsd"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }))
        {
            set.Add(null, reader);
        }

        set.Compile();
        return set;
    }

    /// <summary>Maps http://www.musicxml.org/xsd/xml.xsd, …/xlink.xsd and any other web schema to the file of that name here.</summary>
    private sealed class LocalResolver(string folder) : XmlUrlResolver
    {
        public override Uri ResolveUri(Uri? baseUri, string? relativeUri)
        {
            var resolved = base.ResolveUri(baseUri, relativeUri);
            if (resolved.Scheme is "http" or "https")
            {
                var local = Path.Combine(folder, Path.GetFileName(resolved.AbsolutePath));
                if (!File.Exists(local))
                {
                    throw new FileNotFoundException($"No local copy of {resolved} in {folder}.", local);
                }

                return new Uri(local);
            }

            return resolved;
        }
    }
}

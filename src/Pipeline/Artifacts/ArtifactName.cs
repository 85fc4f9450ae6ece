using System.Globalization;
using SithSynth.Domain.Generation;

namespace SithSynth.Pipeline.Artifacts;

/// <summary>
/// Where an artifact lives inside the artifact container (or folder): <c>{generation}/{variation}/leadsheet.mid</c>,
/// or <c>{generation}/generation.json</c> for the manifest. With the container named <c>generations</c> the full path is
/// <c>generations/{id}/{variation}/leadsheet.mid</c>, the prefix the storage lifecycle rule deletes after its retention.
/// Activities pass these names (plain strings) to each other instead of the files themselves.
/// </summary>
public sealed record ArtifactName
{
    private const string ManifestFile = "generation.json";

    private ArtifactName(string generationId, int? variation, ArtifactKind kind)
    {
        GenerationId = generationId;
        Variation = variation;
        Kind = kind;
        Value = variation is { } v
            ? string.Create(CultureInfo.InvariantCulture, $"{generationId}/{v}/{FileName(kind)}")
            : $"{generationId}/{ManifestFile}";
    }

    public string GenerationId { get; }

    /// <summary>1-based, as people count variations; null for the manifest.</summary>
    public int? Variation { get; }

    public ArtifactKind Kind { get; }

    public string Value { get; }

    public string ContentType => Kind switch
    {
        ArtifactKind.Midi => SheetFiles.MidiContentType,
        ArtifactKind.MusicXml => SheetFiles.MusicXmlContentType,
        _ => SheetFiles.ReportContentType,
    };

    /// <summary>
    /// The name a browser saves the file under: <c>leadsheet-3fa2b1c9-2.mid</c> (the id's first eight characters and the
    /// variation), so downloads from different generations and variations do not overwrite each other.
    /// </summary>
    public string DownloadFileName
    {
        get
        {
            var shortId = GenerationId.Length > 8 && GenerationId.StartsWith("k-", StringComparison.Ordinal) ? GenerationId[2..10] : GenerationId[..Math.Min(8, GenerationId.Length)];
            var stem = Variation is { } v ? string.Create(CultureInfo.InvariantCulture, $"leadsheet-{shortId}-{v}") : $"generation-{shortId}";
            return stem + Kind switch
            {
                ArtifactKind.Midi => SheetFiles.MidiExtension,
                ArtifactKind.MusicXml => SheetFiles.MusicXmlExtension,
                ArtifactKind.Score => ".score.json",
                _ => SheetFiles.ReportExtension,
            };
        }
    }

    /// <summary>The Content-Disposition that makes a browser download rather than display, under <see cref="DownloadFileName"/>.</summary>
    public string ContentDisposition => $"attachment; filename=\"{DownloadFileName}\"";

    public static ArtifactName Of(string generationId, int variation, ArtifactKind kind)
    {
        if (!Contract.GenerationId.IsValid(generationId))
        {
            throw new ArgumentException($"'{generationId}' is not a generation id.", nameof(generationId));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(variation, 1);
        if (kind == ArtifactKind.Manifest)
        {
            throw new ArgumentException("The manifest belongs to the whole generation, not to a variation.", nameof(kind));
        }

        return new ArtifactName(generationId, variation, kind);
    }

    public static ArtifactName Manifest(string generationId) =>
        Contract.GenerationId.IsValid(generationId)
            ? new ArtifactName(generationId, null, ArtifactKind.Manifest)
            : throw new ArgumentException($"'{generationId}' is not a generation id.", nameof(generationId));

    /// <summary>Reads a name back; anything that is not exactly a name this pipeline writes is refused.</summary>
    public static bool TryParse(string? value, out ArtifactName name)
    {
        name = null!;
        var parts = value?.Split('/');
        if (parts is null || !Contract.GenerationId.IsValid(parts[0]))
        {
            return false;
        }

        if (parts is [var id, ManifestFile])
        {
            name = new ArtifactName(id, null, ArtifactKind.Manifest);
            return true;
        }

        if (parts is not [var generation, var number, var file]
            || number.Length is 0 or > 3 || number[0] == '0' || !number.All(char.IsAsciiDigit)
            || !TryKind(file, out var kind))
        {
            return false;
        }

        name = new ArtifactName(generation, int.Parse(number, CultureInfo.InvariantCulture), kind);
        return true;
    }

    public static ArtifactName Parse(string value) =>
        TryParse(value, out var name) ? name : throw new FormatException($"'{value}' is not an artifact name.");

    public override string ToString() => Value;

    private static string FileName(ArtifactKind kind) => kind switch
    {
        ArtifactKind.Midi => "leadsheet" + SheetFiles.MidiExtension,
        ArtifactKind.MusicXml => "leadsheet" + SheetFiles.MusicXmlExtension,
        ArtifactKind.Report => "leadsheet" + SheetFiles.ReportExtension,
        ArtifactKind.Score => "score.json",
        _ => ManifestFile,
    };

    private static bool TryKind(string file, out ArtifactKind kind)
    {
        foreach (var candidate in new[] { ArtifactKind.Midi, ArtifactKind.MusicXml, ArtifactKind.Report, ArtifactKind.Score })
        {
            if (FileName(candidate) == file)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

using System.Globalization;
using SithSynth.Domain.Rendering;
using SithSynth.Domain.Requests;

namespace SithSynth.Domain.Generation;

/// <summary>The three files of one generated sheet, rendered in memory so a host can store them however it likes.</summary>
public sealed record SheetFiles(byte[] Midi, byte[] MusicXml, byte[] Report)
{
    public const string MidiExtension = ".mid";
    public const string MusicXmlExtension = ".musicxml";
    public const string ReportExtension = ".json";
    public const string MidiContentType = "audio/midi";
    public const string MusicXmlContentType = "application/vnd.recordare.musicxml+xml";
    public const string ReportContentType = "application/json";

    public static SheetFiles Render(GenerationSpec spec, GeneratedSheet sheet)
    {
        var title = Title(spec, sheet);
        return new SheetFiles(
            MidiWriter.Write(sheet.Sheet, title),
            MusicXmlWriter.ToBytes(MusicXmlWriter.Write(sheet.Sheet, title, layout: spec.Layout)),
            SheetReport.ToJson(spec, sheet));
    }

    /// <summary>Names the sheet by its key and meter and says how to get it again.</summary>
    public static string Title(GenerationSpec spec, GeneratedSheet sheet) => string.Create(
        CultureInfo.InvariantCulture,
        $"Lead sheet in {spec.Key.Tonic} {spec.Key.Mode.ToString().ToLowerInvariant()}, {spec.TimeSignature} (model {sheet.Model}, seed {spec.Seed}, variation {sheet.Variation + 1})");
}

using System.Text.Json;
using SithSynth.Domain.Generation;
using SithSynth.Domain.Requests;

namespace SithSynth.Cli.Commands;

/// <summary>
/// What <c>generate --json</c> prints: one JSON object with the files written, the seeds (as strings: JavaScript and
/// jq read 64-bit numbers inexactly) and what each sheet measures as.
/// </summary>
internal sealed class GenerateSummary(GenerationSpec spec)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    private readonly List<object> _variations = [];
    private readonly List<string> _files = [];

    public void Add(GeneratedSheet sheet, string midi, string musicXml, string report)
    {
        _files.AddRange([midi, musicXml, report]);
        _variations.Add(new
        {
            variation = sheet.Variation + 1,
            seed = SheetReport.Seed(sheet.Seed),
            files = new { midi, musicXml, report },
            averageValence = Math.Round(sheet.Analysis.AverageValence, 3),
            inKeyRatio = Math.Round(sheet.Analysis.InKeyRatio, 3),
            restRatio = Math.Round(sheet.Analysis.RestRatio, 3),
            lowestPitch = sheet.Analysis.LowestPitch,
            highestPitch = sheet.Analysis.HighestPitch,
            notes = sheet.Analysis.Bars.Sum(b => b.Notes),
            interventions = sheet.Interventions,
        });
    }

    public string ToJson() => JsonSerializer.Serialize(
        new
        {
            model = spec.Model,
            seed = SheetReport.Seed(spec.Seed),
            bars = spec.Bars,
            timeSignature = spec.TimeSignature.ToString(),
            key = spec.Key.ToString(),
            tempo = spec.Tempo,
            files = _files,
            variations = _variations,
        },
        Json);
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Progressions;
using SithSynth.Domain.Requests;

namespace SithSynth.Domain.Generation;

/// <summary>
/// The JSON that travels beside each sheet's MIDI and MusicXML: what was asked, the seed that reproduces it, the
/// plan the model was given (with the template it was drawn from and the bars the form restates), and what the sheet
/// measures as; with a chord progression, what was asked and what the sheet sounds bar by bar, and whose chords they
/// are (the valence curve still conditions the model, but the harmony it would have chosen is the user's there); with a
/// primer, its length and key; with bars rewritten, which, and whose sheet they were in.
/// </summary>
public static class SheetReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Seeds go out as strings: they reach 2^64 - 1, and JavaScript (and jq) read numbers exactly only to 2^53.</summary>
    public static string Seed(ulong seed) => seed.ToString(CultureInfo.InvariantCulture);

    private static string SourceName(ChordSource source) => source switch
    {
        ChordSource.User => "user",
        ChordSource.Both => "user and model",
        _ => "model",
    };

    public static byte[] ToJson(GenerationSpec spec, GeneratedSheet sheet) => JsonSerializer.SerializeToUtf8Bytes(Describe(spec, sheet), Json);

    public static object Describe(GenerationSpec spec, GeneratedSheet sheet) => new
    {
        model = sheet.Model,
        variation = sheet.Variation + 1,
        requestSeed = Seed(spec.Seed),
        variationSeed = Seed(sheet.Seed),
        request = new
        {
            model = spec.Model,
            temperature = spec.Temperature,
            topP = spec.TopP,
            timeSignature = spec.TimeSignature.ToString(),
            bars = spec.Bars,
            valence = spec.ValencePerBar?.Select(v => (double)v).ToArray() ?? (spec.AverageValence is { } average ? [average] : null),
            density = spec.DensityPerBar?.Select(DensityNames.Name).ToArray() ?? [DensityNames.Name(spec.UniformDensity ?? Density.Med)],
            key = spec.Key.ToString(),
            tempo = spec.Tempo,
            seed = Seed(spec.Seed),
            variations = spec.Variations,
            form = (spec.Form ?? SongForm.Through(spec.Bars)).Text,
            chords = spec.Chords?.Text,
        },
        progression = spec.Chords is { } chords
            ? new
            {
                requested = chords.Text,
                followed = sheet.Progression.All(b => b.Followed),
                bars = sheet.Progression.Select(b => new { bar = b.Bar, requested = b.Requested, written = b.Written, chordsFrom = SourceName(b.Source), followed = b.Followed }),
            }
            : null,
        primer = spec.Primer is { } primer
            ? new { bars = primer.Bars, key = primer.Key.ToString(), timeSignature = primer.TimeSignature.ToString(), octaveShift = primer.OctaveShift }
            : null,
        regenerated = spec.Regenerate is { } rewrite
            ? new { bars = rewrite.Bars.ToString(), first = rewrite.Bars.First, last = rewrite.Bars.Last, generation = rewrite.Generation, variation = rewrite.Variation }
            : null,
        template = sheet.Template is { } t
            ? new { piece = t.Piece, firstBar = t.FirstBar, bars = t.Bars, lastBar = t.FirstBar + t.Bars - 1 }
            : null,
        plan = sheet.Plan.Select((c, i) => new
        {
            bar = i + 1,
            phrase = PhrasePlan.Name(c.Phrase),
            valence = c.Valence,
            density = DensityNames.Name(c.Density),
            restates = i < sheet.Restates.Count ? sheet.Restates[i] + 1 : null,
        }),
        analysis = new
        {
            averageValence = sheet.Analysis.AverageValence,
            lowestPitch = sheet.Analysis.LowestPitch,
            highestPitch = sheet.Analysis.HighestPitch,
            pitchRange = sheet.Analysis.PitchRange,
            inKeyRatio = sheet.Analysis.InKeyRatio,
            restRatio = sheet.Analysis.RestRatio,
            bars = sheet.Analysis.Bars.Select((b, i) => new { bar = i + 1, valence = b.Valence, rawValence = b.RawValence, notes = b.Notes, density = DensityNames.Name(b.Density) }),
        },
        decoding = new { steps = sheet.Steps, interventions = sheet.Interventions, maskedProbability = Math.Round(sheet.MaskedProbability, 6), forced = sheet.Forced },
    };
}

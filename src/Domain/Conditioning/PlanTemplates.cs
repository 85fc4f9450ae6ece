using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using SithSynth.Domain.Analysis;
using SithSynth.Domain.Music;
using SithSynth.Domain.Randomness;

namespace SithSynth.Domain.Conditioning;

/// <summary>
/// The per-bar curves of the training split's windows (plans.json beside a model, written by <c>sithsynth corpus</c>).
/// A request's averages are met by drawing a real window of the same meter (and mode, where one exists) whose own
/// averages are close, so plans move bar by bar the way songs do instead of holding one value per phrase.
/// </summary>
public sealed class PlanTemplates
{
    public const string FileName = "plans.json";
    public const int FormatVersion = 1;

    /// <summary>Windows whose averages are within this many bins of the request are all candidates.</summary>
    public const double Closeness = 0.25;

    /// <summary>Where few windows are that close (an extreme valence), the nearest this many are, so seeds still differ.</summary>
    public const int MinChoices = 8;

    private const string DensityLetters = "lmh";

    public PlanTemplates(IReadOnlyList<PlanTemplate> templates) => Templates = templates;

    public IReadOnlyList<PlanTemplate> Templates { get; }

    /// <summary>
    /// A template for <paramref name="bars"/> bars of <paramref name="meter"/> in <paramref name="mode"/> whose first
    /// bars average close to the wanted valence and density (null for a curve the request fixes itself), or null
    /// when this meter has no templates. Where no window is that long the longest are offered.
    /// </summary>
    public PlanTemplate? Choose(TimeSignature meter, KeyMode mode, int bars, double? valence, Density? density, SeededRandom random)
    {
        var ofMeter = Templates.Where(t => t.TimeSignature == meter).ToList();
        if (ofMeter.Count == 0)
        {
            return null;
        }

        // Longer than any window (40 bars from 32-bar windows): the longest windows, repeated from their start.
        var need = Math.Min(bars, ofMeter.Max(t => t.Bars));
        var fitting = ofMeter.Where(t => t.Bars >= need).ToList();
        if (fitting.Any(t => t.Mode == mode))
        {
            fitting = [.. fitting.Where(t => t.Mode == mode)];
        }

        if (fitting.Count == 0)
        {
            return null;
        }

        double Distance(PlanTemplate t) =>
            (valence is { } v ? Math.Abs(t.Valence.Take(need).Average() - v) : 0)
            + (density is { } d ? Math.Abs(t.Density.Take(need).Average(x => (double)(int)x) - (int)d) : 0);
        var ranked = fitting.Select((t, i) => (Template: t, Distance: Distance(t), Index: i)).OrderBy(c => c.Distance).ThenBy(c => c.Index).ToList();
        var close = ranked.Count(c => c.Distance <= Closeness);
        var near = ranked.Take(Math.Max(close, MinChoices)).Select(c => c.Template).ToList();
        return near[random.NextInt(near.Count)];
    }

    public static string DensityText(IEnumerable<Density> density) => string.Concat(density.Select(d => DensityLetters[(int)d]));

    /// <summary>Reads plans.json, or says why it cannot be used.</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out PlanTemplates? templates, [NotNullWhen(false)] out string? problem)
    {
        templates = null;
        PlanDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<PlanDocument>(utf8, Json);
        }
        catch (JsonException e)
        {
            problem = $"{FileName} is not valid JSON ({e.Message})";
            return false;
        }

        if (document?.FormatVersion != FormatVersion || document.Templates is null)
        {
            problem = $"{FileName} must have formatVersion {FormatVersion} and a templates list";
            return false;
        }

        var list = new List<PlanTemplate>(document.Templates.Count);
        foreach (var (t, i) in document.Templates.Select((t, i) => (t, i)))
        {
            if (string.IsNullOrEmpty(t.Piece) || !TimeSignature.TryParse(t.TimeSignature, out var meter)
                || t.Mode is not ("major" or "minor") || t.Valence is not { Count: > 0 } valence || t.Density is not { } letters
                || letters.Length != valence.Count || valence.Any(v => v is < -2 or > 2) || letters.Any(c => !DensityLetters.Contains(c, StringComparison.Ordinal)))
            {
                problem = $"{FileName}: template {i} needs a piece, a time signature, mode major or minor, valences from -2 to 2 and one density letter (l, m, h) per valence";
                return false;
            }

            list.Add(new PlanTemplate(
                t.Piece, t.FirstBar, meter, t.Mode == "minor" ? KeyMode.Minor : KeyMode.Major, valence,
                [.. letters.Select(c => (Density)DensityLetters.IndexOf(c, StringComparison.Ordinal))]));
        }

        templates = new PlanTemplates(list);
        problem = null;
        return true;
    }

    /// <summary>Writes plans.json: one template a line, so the file diffs and greps well.</summary>
    public void Write(Stream stream, string source)
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine("{");
        writer.WriteLine($"  \"formatVersion\": {FormatVersion},");
        writer.WriteLine($"  \"source\": {JsonSerializer.Serialize(source, Json)},");
        writer.WriteLine("  \"templates\": [");
        for (var i = 0; i < Templates.Count; i++)
        {
            var t = Templates[i];
            var document = new TemplateDocument(t.Piece, t.FirstBar, t.TimeSignature.ToString(), t.Mode == KeyMode.Minor ? "minor" : "major", t.Valence, DensityText(t.Density));
            writer.WriteLine("    " + JsonSerializer.Serialize(document, Json) + (i + 1 < Templates.Count ? "," : ""));
        }

        writer.WriteLine("  ]");
        writer.WriteLine("}");
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed record PlanDocument(int FormatVersion, IReadOnlyList<TemplateDocument>? Templates);

    private sealed record TemplateDocument(string? Piece, int? FirstBar, string? TimeSignature, string? Mode, IReadOnlyList<int>? Valence, string? Density);
}

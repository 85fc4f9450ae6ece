using System.CommandLine;
using System.Globalization;
using SithSynth.Domain.Models;
using SithSynth.Domain.Requests;

namespace SithSynth.Cli.Commands;

/// <summary>One option per request field, named after it in kebab-case, and the models folder.</summary>
internal sealed class RequestOptions
{
    public Option<string?> Model { get; } = new("--model") { Description = "Model to write with: transformer, the better-sounding one (default), or lstm, twice as fast, or any model in --models-dir." };

    public Option<double?> Temperature { get; } = new("--temperature") { Description = "Sampling temperature, 0.5 to 1.5 (default 1.0): higher is more adventurous." };

    public Option<double?> TopP { get; } = new("--top-p") { Description = "Nucleus sampling: draw only from the most likely tokens that make up this share, 0 to 1." };

    public Option<string?> TimeSignature { get; } = new("--time-signature") { Description = "Meter: 4/4, 3/4, 2/4, 2/2, 6/8 or 12/8 (default 4/4)." };

    public Option<int?> Bars { get; } = new("--bars") { Description = "Number of bars, 8 to 40 (default 16)." };

    public Option<string?> Valence { get; } = new("--valence") { Description = "Mood from -2 (sad) to 2 (happy): one average such as 1 or 0.5, or one whole number per bar such as -2,-1,0,1,... (default a real song's mood curve from the corpus)." };

    public Option<string?> Density { get; } = new("--density") { Description = "Notes per bar: low, med or high, or one per bar such as low,med,high,... (default med)." };

    public Option<string?> Key { get; } = new("--key") { Description = "Key: C, Eb, F#m, Bbm... (default C)." };

    public Option<string?> Form { get; } = new("--form") { Description = "Form, one letter per 8-bar phrase: AABA, ABAB, AABB, ABAC, A A' B A (a primed letter varies its cadence), or through. A repeated letter restates its phrase (default A A' for 16 bars, ABA for 24, AABA for 32, AABAA' for 40, else through)." };

    public Option<string?> Chords { get; } = new("--chords") { Description = "A chord progression to follow, in the key: bars separated by |, one chord per bar or per equal beat group (\"C | Am | F G | C\"; in 4/4 F G is two halves), _ leaves a bar or group to the model; bars past its end are free. Chords as the model writes them: C, Cm, C7, Cmaj7, Cm7, Cdim, C9, Cm9, N.C." };

    public Option<int?> Tempo { get; } = new("--tempo") { Description = "Beats per minute, 30 to 300 (default 100); the beat is a dotted quarter in 6/8 and 12/8, a half in 2/2." };

    public Option<ulong?> Seed { get; } = new("--seed") { Description = "Seed that fixes every random choice; the same seed writes the same files. Chosen and printed when absent." };

    public Option<int?> Variations { get; } = new("--variations") { Description = "How many different sheets to write, 1 to 8 (default 1)." };

    public Option<DirectoryInfo?> ModelsDirectory { get; } = new("--models-dir") { Description = "Folder of models, one sub-folder with a model.json each (default the models shipped with sithsynth)." };

    public Option<string?> Layout { get; } = new("--layout") { Description = "MusicXML layout: piano (melody, chord symbols and a chord staff; default) or lead-sheet (melody and chord symbols on one staff)." };

    public Option<FileInfo?> Primer { get; } = new("--primer") { Description = "A lead sheet's first bars as MusicXML: kept note for note as the opening and continued to --bars bars (its meter and key are the sheet's; --key may move it within its mode)." };

    public Option<string?> Regenerate { get; } = new("--regenerate") { Description = "Bars of the --source sheet to write again, such as 9-12 or 5; every other bar is kept note for note." };

    public Option<FileInfo?> Source { get; } = new("--source") { Description = "The sheet (MusicXML, such as an earlier leadsheet.musicxml) whose --regenerate bars are written again; its meter, key and bars are the new sheet's." };

    public IEnumerable<Option> All => [Model, Temperature, TopP, TimeSignature, Bars, Valence, Density, Key, Form, Chords, Tempo, Seed, Variations, Layout, Primer, Regenerate, Source, ModelsDirectory];

    public GenerationRequest Read(ParseResult result) => new()
    {
        Model = result.GetValue(Model),
        Temperature = result.GetValue(Temperature),
        TopP = result.GetValue(TopP),
        TimeSignature = result.GetValue(TimeSignature),
        Bars = result.GetValue(Bars),
        Valence = List(result.GetValue(Valence), "--valence", text => (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v), v)),
        Density = List(result.GetValue(Density), "--density", text => (text.Length > 0, text)),
        Key = result.GetValue(Key),
        Form = result.GetValue(Form),
        Chords = result.GetValue(Chords),
        Tempo = result.GetValue(Tempo),
        Seed = result.GetValue(Seed),
        Variations = result.GetValue(Variations),
        Layout = result.GetValue(Layout),
        Primer = result.GetValue(Primer) is { } primer ? TextOf(primer, "--primer") : null,
        Regenerate = result.GetValue(Regenerate) is { } bars ? new RegenerateRequest { Bars = bars } : null,
    };

    /// <summary>A file's text; one that cannot be read is one line naming the option.</summary>
    public static string TextOf(FileInfo file, string option)
    {
        try
        {
            return File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException($"{option}: cannot read {file.FullName}: {e.Message}");
        }
    }

    public ModelCatalog Catalog(ParseResult result) => LoadCatalog(result.GetValue(ModelsDirectory)?.FullName ?? ModelCatalog.DefaultDirectory);

    /// <summary>The models in a folder; a missing folder, or one without a usable model, is one line naming it.</summary>
    public static ModelCatalog LoadCatalog(string directory)
    {
        ModelCatalog catalog;
        try
        {
            catalog = ModelCatalog.Load(directory);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new CommandLineException(e.Message);
        }

        if (catalog.Cards.Count == 0)
        {
            var refused = string.Concat(catalog.Refused.Select(r => $"; {r.Key}: {r.Value}"));
            catalog.Dispose();
            throw new CommandLineException($"--models-dir: no usable model in {directory} (a model is a sub-folder with a model.json){refused}");
        }

        return catalog;
    }

    /// <summary>Validates against the catalogue; refused requests become one line naming each option and its problem.</summary>
    public static GenerationSpec Validate(GenerationRequest request, ModelCatalog catalog)
    {
        var validation = GenerationRequestValidator.Validate(request, catalog.Cards, NewSeed);
        if (validation.Spec is { } spec)
        {
            return spec;
        }

        var refused = catalog.Refused.TryGetValue(request.Model ?? GenerationSpec.DefaultModel, out var reason) ? $" ({reason})" : "";
        throw new CommandLineException(
            "invalid request: " + string.Join("; ", validation.Problems.Select(p => $"--{Kebab(p.Field)}: {p.Message}")) + refused,
            CommandLine.Usage);
    }

    private static ulong NewSeed() => BitConverter.ToUInt64(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));

    private static List<T>? List<T>(string? text, string option, Func<string, (bool Ok, T Value)> parse)
    {
        if (text is null)
        {
            return null;
        }

        var values = new List<T>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var (ok, value) = parse(part);
            values.Add(ok ? value : throw new CommandLineException($"{option}: '{part}' is not a valid value.", CommandLine.Usage));
        }

        return values;
    }

    // regenerate.bars is the --regenerate option; its other fields are HTTP's alone.
    private static string Kebab(string field) => field.StartsWith("regenerate", StringComparison.Ordinal) ? "regenerate" : string.Concat(field.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));
}

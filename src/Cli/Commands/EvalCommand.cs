using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SithSynth.Domain.Evaluation;
using SithSynth.Domain.Models;
using SithSynth.Domain.Music;

namespace SithSynth.Cli.Commands;

/// <summary>
/// <c>sithsynth eval</c>: evaluates models on the request grid and the held-out test split, writes each model's
/// eval.json and its card's "evaluation", and rewrites the evaluation tables in the models folder's README.md.
/// </summary>
internal static class EvalCommand
{
    public const string ReportFile = "eval.json";
    public const string ReadmeFile = "README.md";
    public const string AllModels = "all";

    // One fixed seed by default: an evaluation is only comparable across models and commits if it is reproducible.
    public const ulong DefaultSeed = 20240607;

    // Three sheets per cell (90 cells over six meters, one baseline sheet per cell; the 4/4 slice again in three
    // minor keys and once at 32 bars; one sheet per held-out window) keep both models under ten minutes on two busy
    // cores, with enough sheets of one request to measure their diversity.
    public const int DefaultSamples = 3;

    // Default-form sheets are measured at the length a songwriter writes AABA in.
    public const int FormBars = 32;

    public static Command Create()
    {
        var models = new Option<string[]>("--model") { Description = "Model to evaluate; repeat for several, or 'all' (default) for every model in --models-dir.", AllowMultipleArgumentsPerToken = false };
        var modelsDirectory = new Option<DirectoryInfo?>("--models-dir") { Description = "Folder of models whose eval.json, model.json and README.md are written. (default the repository's models/ folder)." };
        var corpus = new Option<DirectoryInfo?>("--corpus") { Description = "Corpus folder with test.jsonl (and vocab.json). (default training/work/corpus in the repository)." };
        var samples = new Option<int>("--samples") { Description = $"Sheets per grid cell (valence × density × meter), at least 1 (default {DefaultSamples}).", DefaultValueFactory = _ => DefaultSamples };
        var seed = new Option<ulong>("--seed") { Description = $"Seed every sheet's seed follows from (default {DefaultSeed}).", DefaultValueFactory = _ => DefaultSeed };
        var threads = new Option<int>("--threads") { Description = "Sheets written at once (default the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var meters = new Option<string[]>("--meter") { Description = "Meter of the user-request grid, e.g. 4/4; repeat for several (default every meter of the card)." };
        var valences = new Option<int[]>("--valence") { Description = "Average valence (-2..2) of the user-request grid; repeat for several (default all five)." };
        var noReadme = new Option<bool>("--no-readme") { Description = "Leave README.md in the models folder as it is." };
        var command = new Command("eval", "Measure what a musician hears (endings, form, harmony, rhythm, key, copying), validity, control and held-out likelihood of models; write eval.json per model and the tables in README.md.")
        {
            models, modelsDirectory, corpus, samples, seed, threads, meters, valences, noReadme,
        };
        command.SetAction(result => Run(
            result.GetValue(models) ?? [],
            result.GetValue(modelsDirectory)?.FullName ?? RepositoryFolders.Require("--models-dir", "models"),
            result.GetValue(corpus)?.FullName ?? RepositoryFolders.Require("--corpus", "training", "work", "corpus"),
            result.GetValue(samples),
            result.GetValue(seed),
            result.GetValue(threads),
            result.GetValue(meters) ?? [],
            result.GetValue(valences) ?? [],
            !result.GetValue(noReadme)));
        return command;
    }

    private static int Run(string[] names, string modelsDirectory, string corpus, int samples, ulong seed, int threads, string[] meters, int[] valences, bool readme)
    {
        if (valences.FirstOrDefault(v => v is < -2 or > 2) is var bad && bad != 0)
        {
            throw new CommandLineException($"--valence: {bad} is outside -2..2.", CommandLine.Usage);
        }

        var requestedMeters = new List<TimeSignature>();
        foreach (var text in meters)
        {
            requestedMeters.Add(TimeSignature.TryParse(text, out var meter)
                ? meter
                : throw new CommandLineException($"--meter: '{text}' is not a time signature such as 4/4 or 6/8.", CommandLine.Usage));
        }

        if (samples < 1)
        {
            throw new CommandLineException($"--samples: {samples} is not a positive number of sheets.", CommandLine.Usage);
        }

        if (threads < 1)
        {
            throw new CommandLineException($"--threads: {threads} is not a positive number of threads.", CommandLine.Usage);
        }

        if (!Directory.Exists(corpus))
        {
            throw new CommandLineException($"--corpus: the folder '{corpus}' does not exist.");
        }

        using var catalog = Catalog(modelsDirectory);
        var cards = Selected(catalog, names);
        var settings = new EvaluationSettings(samples, seed, Parallelism: threads, Valences: valences.Length == 0 ? null : [.. valences.Distinct().Order()]);
        var started = Stopwatch.StartNew();
        var progress = new Progress<string>(line => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{started.Elapsed.TotalSeconds,5:0} s] {line}")));
        foreach (var card in cards)
        {
            var clock = Stopwatch.StartNew();
            var report = Evaluate(catalog, card, corpus, settings, Meters(card, requestedMeters), progress);
            var described = EvaluationReportJson.Describe(report);
            Write(card, described);
            Console.WriteLine(Summary(report, clock.Elapsed));
        }

        if (readme)
        {
            var path = Path.Combine(modelsDirectory, ReadmeFile);
            var text = File.Exists(path) ? File.ReadAllText(path) : "# Models\n";
            var updated = EvaluationTable.ReplaceSection(text, EvaluationTable.Markdown(Evaluations(catalog)));
            AtomicFile.WriteAll((path, Encoding.UTF8.GetBytes(updated)));
            Console.WriteLine($"tables written to {path}");
        }

        return 0;
    }

    private static ModelCatalog Catalog(string directory)
    {
        try
        {
            return ModelCatalog.Load(directory);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new CommandLineException("--models-dir: " + e.Message);
        }
    }

    private static List<ModelCard> Selected(ModelCatalog catalog, string[] names)
    {
        if (names.Length == 0 || names.Contains(AllModels, StringComparer.Ordinal))
        {
            return catalog.Cards.Count > 0
                ? [.. catalog.Cards]
                : throw new CommandLineException($"--models-dir: '{catalog.Directory}' holds no usable model" + Refusals(catalog));
        }

        return [.. names.Distinct(StringComparer.Ordinal).Select(name => catalog.TryGetCard(name, out var card)
            ? card
            : throw new CommandLineException($"--model: there is no usable model '{name}' in '{catalog.Directory}'" + Refusals(catalog), CommandLine.Usage))];
    }

    private static string Refusals(ModelCatalog catalog) =>
        catalog.Refused.Count == 0 ? "" : " (" + string.Join("; ", catalog.Refused.Select(r => $"{r.Key}: {r.Value}")) + ")";

    private static List<TimeSignature> Meters(ModelCard card, List<TimeSignature> requested)
    {
        if (requested.Count == 0)
        {
            return [.. card.TimeSignatures];
        }

        var unsupported = requested.Where(m => !card.Conditions.Supports(m)).ToList();
        return unsupported.Count == 0
            ? [.. requested.Distinct()]
            : throw new CommandLineException($"--meter: {card.Name} does not write {string.Join(", ", unsupported)} (it writes {string.Join(", ", card.TimeSignatures)}).", CommandLine.Usage);
    }

    private static EvaluationReport Evaluate(ModelCatalog catalog, ModelCard card, string corpus, EvaluationSettings settings, IReadOnlyList<TimeSignature> meters, IProgress<string> progress)
    {
        try
        {
            var heldOut = HeldOutCorpus.Load(corpus, card.Tokens, card.Conditions);
            var training = HeldOutCorpus.Load(corpus, HeldOutCorpus.TrainFile, card.Tokens, card.Conditions);
            var validation = HeldOutCorpus.Load(corpus, HeldOutCorpus.ValidFile, card.Tokens, card.Conditions);
            var endings = PieceEndings.Load(corpus, settings.Bars, settings.Tempo);
            foreach (var note in heldOut.Notes.Concat(training.Notes).Concat(validation.Notes)
                .Concat(endings.Count == 0 ? [$"no {PieceEndings.File} in {corpus}: the human ending figures are skipped"] : []))
            {
                Console.Error.WriteLine($"{card.Name}: {note}");
            }

            var references = new ListeningReferences(training.Sequences, validation.Sequences, endings);
            var fitted = settings with { FormBars = card.MaxBars >= FormBars ? FormBars : 0 };
            return ModelEvaluator.Evaluate(catalog.Model(card.Name), meters, heldOut, fitted, progress, references);
        }
        catch (ModelCardException e)
        {
            throw new CommandLineException(e.Message);
        }
        catch (FormatException e)
        {
            throw new CommandLineException($"--corpus: {e.Message}");
        }
    }

    /// <summary>eval.json beside the card, and the same object as the card's "evaluation" with every other field kept.</summary>
    private static void Write(ModelCard card, JsonObject described)
    {
        var cardPath = Path.Combine(card.Directory, ModelCard.FileName);
        var document = JsonNode.Parse(File.ReadAllText(cardPath))?.AsObject()
            ?? throw new CommandLineException($"{cardPath} is empty");
        document["evaluation"] = described.DeepClone();
        AtomicFile.WriteAll(
            (Path.Combine(card.Directory, ReportFile), Encoding.UTF8.GetBytes(EvaluationReportJson.ToJson(described) + "\n")),
            (cardPath, Encoding.UTF8.GetBytes(EvaluationReportJson.ToJson(document) + "\n")));
    }

    /// <summary>Every model in the folder that has an eval.json, whether evaluated now or before.</summary>
    private static List<JsonObject> Evaluations(ModelCatalog catalog) =>
        [.. catalog.Cards
            .Select(c => Path.Combine(c.Directory, ReportFile))
            .Where(File.Exists)
            .Select(path => JsonNode.Parse(File.ReadAllText(path)) as JsonObject)
            .OfType<JsonObject>()];

    private static string Summary(EvaluationReport r, TimeSpan elapsed)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{r.Model}: {r.GridDecoding.Sheets} grid sheets ({r.Settings.SamplesPerCell} per cell) + {r.HeldOutDecoding?.Sheets ?? 0} under held-out conditions in {elapsed.TotalSeconds:0} s"),
            string.Create(CultureInfo.InvariantCulture, $"  valid {100 * Math.Min(r.GridDecoding.ValidShare, r.HeldOutDecoding?.ValidShare ?? 1):0.#}%   interventions/sheet {r.GridDecoding.InterventionsPerSheet:0.0}"),
            "                        conditioned   baseline   target",
            Line("valence MAE (bins)", r.Conditioned.ValenceMae, r.Baseline.ValenceMae, $"<= {EvaluationTargets.ValenceMae}"),
            Line("valence rank corr.", r.Conditioned.ValenceRankCorrelation, r.Baseline.ValenceRankCorrelation, $">= {EvaluationTargets.ValenceRankCorrelation}"),
            Line("density in-bin", r.Conditioned.DensityInBin, r.Baseline.DensityInBin, $">= {EvaluationTargets.DensityInBin}"),
        };
        if (r.Musicality is { } m)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  pitch-class TV {m.PitchClassTotalVariation:0.000} (JS {m.PitchClassJensenShannon:0.000} bits)"));
            lines.AddRange(m.Statistics.Select(s => string.Create(
                CultureInfo.InvariantCulture,
                $"  {s.Name,-24}{s.Generated,11:0.000}{s.HeldOut,11:0.000}  {(double.IsFinite(s.RelativeDifference) ? s.RelativeDifference.ToString("0%", CultureInfo.InvariantCulture) : "inf"),5} {(s.Passed ? "ok" : "MISS")}")));
        }

        lines.AddRange(r.Listening.Select(f => string.Create(
            CultureInfo.InvariantCulture,
            $"  {f.Label,-72} {Show(f.Requests, f.Percent),8} {Show(f.Human, f.Percent),8}  {f.Target?.Text ?? ""} {(f.Passed is { } ok ? (ok ? "ok" : "MISS") : "")}")));

        if (r.Likelihood is { } l)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  held-out NLL {l.NllPerEvent:0.000} nats/event, {l.NllPerToken:0.000} nats/token over {l.Sequences} sequences"));
        }

        var targets = r.Targets;
        lines.Add($"  targets met {targets.Count(t => t.Passed)}/{targets.Count}" + (targets.All(t => t.Passed) ? "" : ": missed " + string.Join(", ", targets.Where(t => !t.Passed).Select(t => t.Name))));
        return string.Join('\n', lines);
    }

    private static string Show(double? value, bool percent) => value is not { } v
        ? "—"
        : percent ? (100 * v).ToString("0.#", CultureInfo.InvariantCulture) + "%" : v.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Line(string name, double conditioned, double baseline, string target) =>
        string.Create(CultureInfo.InvariantCulture, $"  {name,-22}{conditioned,11:0.000}{baseline,11:0.000}   {target}");
}

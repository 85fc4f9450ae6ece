using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SithSynth.Domain.Evaluation;
using SithSynth.Domain.Models;

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

    // Two sheets per cell (90 cells over six meters, each also written as a baseline, plus one sheet per held-out
    // window) keep the Transformer near four minutes on two busy cores (the LSTM takes under a minute) while every
    // cell is still sampled more than once.
    public const int DefaultSamples = 2;

    public static Command Create()
    {
        var models = new Option<string[]>("--model") { Description = "Model to evaluate; repeat for several, or 'all' (default) for every model in --models-dir.", AllowMultipleArgumentsPerToken = false };
        var modelsDirectory = new Option<DirectoryInfo?>("--models-dir") { Description = "Folder of models whose eval.json, model.json and README.md are written. (default the repository's models/ folder)." };
        var corpus = new Option<DirectoryInfo?>("--corpus") { Description = "Corpus folder with test.jsonl (and vocab.json). (default training/work/corpus in the repository)." };
        var samples = new Option<int>("--samples") { Description = $"Sheets per grid cell (valence × density × meter), at least 1 (default {DefaultSamples}).", DefaultValueFactory = _ => DefaultSamples };
        var seed = new Option<ulong>("--seed") { Description = $"Seed every sheet's seed follows from (default {DefaultSeed}).", DefaultValueFactory = _ => DefaultSeed };
        var threads = new Option<int>("--threads") { Description = "Sheets written at once (default the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var noReadme = new Option<bool>("--no-readme") { Description = "Leave README.md in the models folder as it is." };
        var command = new Command("eval", "Measure validity, valence and density control, musicality and held-out likelihood of models; write eval.json per model and a table in README.md.")
        {
            models, modelsDirectory, corpus, samples, seed, threads, noReadme,
        };
        command.SetAction(result => Run(
            result.GetValue(models) ?? [],
            result.GetValue(modelsDirectory)?.FullName ?? RepositoryFolders.Require("--models-dir", "models"),
            result.GetValue(corpus)?.FullName ?? RepositoryFolders.Require("--corpus", "training", "work", "corpus"),
            result.GetValue(samples),
            result.GetValue(seed),
            result.GetValue(threads),
            !result.GetValue(noReadme)));
        return command;
    }

    private static int Run(string[] names, string modelsDirectory, string corpus, int samples, ulong seed, int threads, bool readme)
    {
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
        var settings = new EvaluationSettings(samples, seed, Parallelism: threads);
        var progress = new Progress<string>(line => Console.Error.WriteLine(line));
        foreach (var card in cards)
        {
            var clock = Stopwatch.StartNew();
            var report = Evaluate(catalog, card, corpus, settings, progress);
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

    private static EvaluationReport Evaluate(ModelCatalog catalog, ModelCard card, string corpus, EvaluationSettings settings, IProgress<string> progress)
    {
        try
        {
            var heldOut = HeldOutCorpus.Load(corpus, card.Tokens, card.Conditions);
            foreach (var note in heldOut.Notes)
            {
                Console.Error.WriteLine($"{card.Name}: {note}");
            }

            return ModelEvaluator.Evaluate(catalog.Model(card.Name), card.TimeSignatures, heldOut, settings, progress);
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

        if (r.Likelihood is { } l)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  held-out NLL {l.NllPerEvent:0.000} nats/event, {l.NllPerToken:0.000} nats/token over {l.Sequences} sequences"));
        }

        var targets = r.Targets;
        lines.Add($"  targets met {targets.Count(t => t.Passed)}/{targets.Count}" + (targets.All(t => t.Passed) ? "" : ": missed " + string.Join(", ", targets.Where(t => !t.Passed).Select(t => t.Name))));
        return string.Join('\n', lines);
    }

    private static string Line(string name, double conditioned, double baseline, string target) =>
        string.Create(CultureInfo.InvariantCulture, $"  {name,-22}{conditioned,11:0.000}{baseline,11:0.000}   {target}");
}

using System.CommandLine;
using SithSynth.Cli.Benchmarks;
using SithSynth.Domain.Models;

namespace SithSynth.Cli.Commands;

/// <summary><c>sithsynth bench</c>: decoding speed of each model against the original's way, in one run, on one thread.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var models = new Option<string[]>("--model") { Description = "Models to time (default every model in the catalogue).", AllowMultipleArgumentsPerToken = true };
        var sheets = new Option<int>("--sheets") { Description = "Sheets timed per model and length.", DefaultValueFactory = _ => 20 };
        var budget = new Option<int>("--baseline-seconds") { Description = "Time allowed to the original's way per model and length.", DefaultValueFactory = _ => 120 };
        var bars = new Option<int[]>("--bars") { Description = "Sheet lengths to time.", DefaultValueFactory = _ => [16, 40], AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo?>("--out") { Description = "Also write the results as Markdown to this file." };
        var directory = new Option<DirectoryInfo?>("--models-dir") { Description = "Folder of models (default the shipped ones)." };
        var command = new Command("bench", "Time lead-sheet generation per model on one thread, against the original app's decoding.")
        {
            models, sheets, budget, bars, output, directory,
        };
        command.SetAction(result =>
        {
            var folder = result.GetValue(directory)?.FullName ?? ModelCatalog.DefaultDirectory;
            using var catalog = ModelCatalog.Load(folder);
            var chosen = result.GetValue(models) is { Length: > 0 } named ? named : [.. catalog.Cards.Select(c => c.Name)];
            var unknown = chosen.Where(m => !catalog.TryGetCard(m, out _)).ToList();
            if (unknown.Count > 0 || result.GetValue(sheets) < 1 || result.GetValue(bars)!.Any(b => b < 1))
            {
                throw new CommandLineException(unknown.Count > 0 ? $"--model: no model {string.Join(", ", unknown)} in {folder}" : "--sheets and --bars must be positive", CommandLine.Usage);
            }

            var settings = new DecodingBenchmark.Settings(result.GetValue(sheets), TimeSpan.FromSeconds(result.GetValue(budget)), result.GetValue(bars)!);
            var report = $"Decoding benchmark, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, one thread, .NET {Environment.Version}{Environment.NewLine}{Environment.NewLine}"
                + DecodingBenchmark.Run(catalog, chosen, settings, Console.Error);
            Console.WriteLine(report);
            if (result.GetValue(output) is { } file)
            {
                File.WriteAllText(file.FullName, report);
            }

            return 0;
        });
        return command;
    }
}

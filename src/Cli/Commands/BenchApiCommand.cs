using System.CommandLine;
using System.Globalization;
using SithSynth.Cli.Benchmarks;
using SithSynth.Domain.Models;
using SithSynth.Domain.Requests;

namespace SithSynth.Cli.Commands;

/// <summary><c>sithsynth bench-api</c>: the service end to end on serve's in-memory engine, one client and then many.</summary>
internal static class BenchApiCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model to generate with.", DefaultValueFactory = _ => GenerationSpec.DefaultModel };
        var bars = new Option<int>("--bars") { Description = "Bars per sheet.", DefaultValueFactory = _ => 16 };
        var sequential = new Option<int>("--generations") { Description = "Generations timed one after another.", DefaultValueFactory = _ => 20 };
        var clients = new Option<int>("--clients") { Description = "Concurrent clients for the throughput run.", DefaultValueFactory = _ => 8 };
        var seconds = new Option<int>("--seconds") { Description = "Length of the throughput run.", DefaultValueFactory = _ => 60 };
        var stock = new Option<bool>("--stock-limits") { Description = "Run the in-memory backend with its published dispatch limits (one work item per core), for comparison." };
        var flood = new Option<int>("--flood") { Description = "Instead: a polite client's latency alone and while this many clients flood 40-bar × 8-variation POSTs, with the default budgets and with none." };
        var output = new Option<FileInfo?>("--out") { Description = "Also write the results as Markdown to this file." };
        var command = new Command("bench-api", "Time whole generations through serve's HTTP API and Durable engine, then throughput with concurrent clients.")
        {
            model, bars, sequential, clients, seconds, stock, flood, output,
        };
        command.SetAction(async (result, cancel) =>
        {
            using var catalog = ModelCatalog.Load(ModelCatalog.DefaultDirectory);
            var settings = new ApiBenchmark.Settings(result.GetValue(model)!, result.GetValue(bars), result.GetValue(sequential), result.GetValue(clients), TimeSpan.FromSeconds(result.GetValue(seconds)), result.GetValue(stock));
            if (!catalog.TryGetCard(settings.Model, out _) || settings.Bars < 1 || settings.Sequential < 1 || settings.Clients < 1 || settings.LoadDuration <= TimeSpan.Zero)
            {
                throw new CommandLineException("--model must name a shipped model, and --bars, --generations, --clients and --seconds must be positive.", CommandLine.Usage);
            }

            if (result.GetValue(flood) < 0)
            {
                throw new CommandLineException("--flood: the number of flooding clients, 1 or more.", CommandLine.Usage);
            }

            var report = string.Create(CultureInfo.InvariantCulture, $"API benchmark, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, serve in this process (in-memory engine, local files){Environment.NewLine}{Environment.NewLine}")
                + (result.GetValue(flood) is > 0 and var flooders
                    ? await FloodBenchmark.RunAsync(catalog, new FloodBenchmark.Settings(settings.Sequential, flooders), Console.Error).ConfigureAwait(false)
                    : await ApiBenchmark.RunAsync(catalog, settings, Console.Error).ConfigureAwait(false));
            Console.WriteLine(report);
            if (result.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, report, cancel).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}

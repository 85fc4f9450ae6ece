using System.CommandLine;
using SithSynth.Domain.Generation;
using SithSynth.Domain.Models;

namespace SithSynth.Cli.Commands;

/// <summary><c>sithsynth generate</c>: parameters in, MIDI + MusicXML + JSON files out, no Azure.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var request = new RequestOptions();
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the files into, created if missing.", DefaultValueFactory = _ => new DirectoryInfo("out") };
        var name = new Option<string>("--name") { Description = "File name stem: NAME.mid, NAME.musicxml, NAME.json, and NAME-2… for further variations.", DefaultValueFactory = _ => "leadsheet" };
        var force = new Option<bool>("--force") { Description = "Replace files of an earlier run with the same --name, and remove its variations beyond this run's." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (files, seeds as strings, measured figures) instead of the lines for people." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing but errors." };
        var command = new Command("generate", "Write a lead sheet (or several variations) as MIDI, MusicXML and a JSON report.");
        foreach (var option in request.All.Append(output).Append(name).Append(force).Append(json).Append(quiet))
        {
            command.Options.Add(option);
        }

        command.SetAction(result => Run(request, result, new Destination(result.GetValue(output)!, result.GetValue(name)!, result.GetValue(force)), PrintingOf(result.GetValue(json), result.GetValue(quiet))));
        return command;
    }

    private enum Printing
    {
        ForPeople,
        Json,
        Quiet,
    }

    private sealed record Destination(DirectoryInfo Folder, string Name, bool Force);

    private static Printing PrintingOf(bool json, bool quiet) => (json, quiet) switch
    {
        (true, true) => throw new CommandLineException("--json and --quiet: choose one.", CommandLine.Usage),
        (true, _) => Printing.Json,
        (_, true) => Printing.Quiet,
        _ => Printing.ForPeople,
    };

    private static int Run(RequestOptions options, ParseResult result, Destination destination, Printing printing)
    {
        var name = destination.Name;
        if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains('/', StringComparison.Ordinal))
        {
            throw new CommandLineException($"--name: '{name}' cannot be a file name.", CommandLine.Usage);
        }

        using var catalog = options.Catalog(result);
        var (source, request) = RewriteSource.Read(options, result, options.Read(result), catalog);
        var spec = RequestOptions.Validate(request, catalog);
        source?.Check(spec);
        INextTokenModel model;
        try
        {
            model = catalog.Model(spec.Model);
        }
        catch (ModelCardException e)
        {
            throw new CommandLineException(e.Message);
        }

        var folder = SheetFolder.Prepare(destination.Folder.FullName, name, destination.Force);
        var summary = new GenerateSummary(spec);
        for (var variation = 0; variation < spec.Variations; variation++)
        {
            var sheet = LeadSheetGenerator.Generate(spec, model, variation, source?.Sheet(spec.Tempo));
            var files = SheetFiles.Render(spec, sheet);
            var stem = folder.Stem(variation);
            var (midi, musicXml, report) = (stem + SheetFiles.MidiExtension, stem + SheetFiles.MusicXmlExtension, stem + SheetFiles.ReportExtension);
            AtomicFile.WriteAll((midi, files.Midi), (musicXml, files.MusicXml), (report, files.Report));
            summary.Add(sheet, midi, musicXml, report);
            if (printing == Printing.ForPeople)
            {
                if (spec.Variations > 1)
                {
                    Console.Error.WriteLine($"variation {variation + 1}/{spec.Variations} written");
                }

                Console.WriteLine($"{midi} {musicXml} {report}  ({spec.Bars} bars of {spec.TimeSignature} in {spec.Key}, average valence {sheet.Analysis.AverageValence:0.##})");
            }
        }

        folder.RemoveStale(spec.Variations);
        if (printing == Printing.ForPeople)
        {
            Console.WriteLine($"model {spec.Model}, seed {spec.Seed}");
        }
        else if (printing == Printing.Json)
        {
            Console.WriteLine(summary.ToJson());
        }

        return 0;
    }
}

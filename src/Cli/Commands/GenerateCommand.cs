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
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the files into (created if missing).", DefaultValueFactory = _ => new DirectoryInfo("out") };
        var name = new Option<string>("--name") { Description = "File name stem: NAME.mid, NAME.musicxml, NAME.json (NAME-2… for further variations).", DefaultValueFactory = _ => "leadsheet" };
        var command = new Command("generate", "Write a lead sheet (or several variations) as MIDI, MusicXML and a JSON report.");
        foreach (var option in request.All.Append(output).Append(name))
        {
            command.Options.Add(option);
        }

        command.SetAction(result => Run(request, result, result.GetValue(output)!, result.GetValue(name)!));
        return command;
    }

    private static int Run(RequestOptions options, ParseResult result, DirectoryInfo output, string name)
    {
        if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains('/', StringComparison.Ordinal))
        {
            throw new CommandLineException($"--name: '{name}' cannot be a file name.", CommandLine.Usage);
        }

        var request = options.Read(result);
        using var catalog = options.Catalog(result);
        var spec = RequestOptions.Validate(request, catalog);
        INextTokenModel model;
        try
        {
            model = catalog.Model(spec.Model);
        }
        catch (ModelCardException e)
        {
            throw new CommandLineException(e.Message);
        }

        Directory.CreateDirectory(output.FullName);
        for (var variation = 0; variation < spec.Variations; variation++)
        {
            var sheet = LeadSheetGenerator.Generate(spec, model, variation);
            var files = SheetFiles.Render(spec, sheet);
            var stem = Path.Combine(output.FullName, variation == 0 ? name : $"{name}-{variation + 1}");
            AtomicFile.WriteAll(
                (stem + SheetFiles.MidiExtension, files.Midi),
                (stem + SheetFiles.MusicXmlExtension, files.MusicXml),
                (stem + SheetFiles.ReportExtension, files.Report));
            if (spec.Variations > 1)
            {
                Console.Error.WriteLine($"variation {variation + 1}/{spec.Variations} written");
            }

            Console.WriteLine($"{stem}{SheetFiles.MidiExtension} {stem}{SheetFiles.MusicXmlExtension} {stem}{SheetFiles.ReportExtension}  ({spec.Bars} bars of {spec.TimeSignature} in {spec.Key}, average valence {sheet.Analysis.AverageValence:0.##})");
        }

        Console.WriteLine($"model {spec.Model}, seed {spec.Seed}");
        return 0;
    }
}

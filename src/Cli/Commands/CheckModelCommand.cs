using System.CommandLine;
using System.Globalization;
using SithSynth.Domain.Models;

namespace SithSynth.Cli.Commands;

/// <summary>
/// <c>sithsynth check-model DIR</c>: validates a model folder's card and tensors and replays its parity fixture,
/// for anyone bringing a model of their own.
/// </summary>
internal static class CheckModelCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("model-dir") { Description = "Folder holding model.json, the ONNX files and parity.json." };
        var command = new Command("check-model", "Check that a model folder honours the model contract and that ONNX Runtime reproduces its parity fixture.") { folder };
        command.SetAction(result => Run(result.GetValue(folder)!));
        return command;
    }

    private static int Run(DirectoryInfo folder)
    {
        try
        {
            var card = ModelCard.Load(folder.FullName);
            var parity = ParityCheck.Run(card);
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"{card.Name}: card ok (format {card.FormatVersion}, {card.Conditions.Features} condition columns, {card.Tokens.Count} tokens{(card.Tokens.Tie is null ? "" : " with tie")}, {card.TimeSignatures.Count} meters, up to {card.MaxBars} bars); parity over {parity.Steps} steps: max |difference| {parity.MaxAbsoluteDifference:G3} (tolerance {parity.Tolerance:G3} + {ParityResult.RelativeTolerance:G3} × |logit|)");
            if (!parity.Passed)
            {
                throw new CommandLineException(line + " — FAILED");
            }

            Console.WriteLine(line);
            return 0;
        }
        catch (ModelCardException e)
        {
            throw new CommandLineException(e.Message);
        }
    }
}

using System.CommandLine;
using SithSynth.Domain.Corpus;

namespace SithSynth.Cli.Commands;

/// <summary>`sithsynth corpus`: builds the training corpus from the OpenEWLD scores.</summary>
internal static class CorpusCommand
{
    public static Command Create()
    {
        var scores = new Option<string?>("--scores")
        {
            Description = "Folder of compressed MusicXML (.mxl) scores (default data/openewld/scores in the repository)",
        };
        var output = new Option<string>("--out")
        {
            Description = "Folder the corpus files are written to",
            DefaultValueFactory = _ => Path.Combine("training", "work", "corpus"),
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed of the train / validation / test split",
            DefaultValueFactory = _ => 20240607,
        };
        var command = new Command("corpus", "Read the MusicXML lead sheets into training sequences, split by piece, with a summary")
        {
            scores,
            output,
            seed,
        };
        command.SetAction(parse => Run(parse.GetValue(scores), parse.GetValue(output)!, parse.GetValue(seed)));
        return command;
    }

    private static int Run(string? scores, string output, ulong seed)
    {
        var folder = scores ?? RepositoryFolders.Require("--scores", "data", "openewld", "scores");
        if (!Directory.Exists(folder))
        {
            throw new CommandLineException($"the scores folder '{folder}' does not exist");
        }

        if (!Directory.EnumerateFiles(folder, "*.mxl", SearchOption.AllDirectories).Any())
        {
            throw new CommandLineException($"no .mxl scores under '{folder}'");
        }

        try
        {
            var corpus = CorpusBuilder.FromDirectory(folder, seed);
            if (!corpus.Pieces.Any())
            {
                throw new CommandLineException($"none of the scores under '{folder}' could be used");
            }

            CorpusWriter.Write(corpus, output);
            Report(corpus, output);
            return 0;
        }
        catch (IOException e)
        {
            throw new CommandLineException($"{e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CommandLineException($"{e.Message}");
        }
    }

    private static void Report(TrainingCorpus corpus, string output)
    {
        var tally = corpus.Tally;
        Console.WriteLine($"pieces: {tally.PiecesFound} found, {tally.PiecesUsed} used, {tally.PiecesFound - tally.PiecesUsed} skipped");
        foreach (var (reason, count) in tally.PiecesSkipped.OrderByDescending(r => r.Value).Take(5))
        {
            Console.WriteLine($"  skipped {count}: {reason}");
        }

        foreach (var split in Enum.GetValues<CorpusSplit>())
        {
            var sequences = corpus.Sequences(split).ToList();
            var meters = string.Join(", ", sequences.GroupBy(s => s.TimeSignature.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
            Console.WriteLine($"{CorpusWriter.SplitFile(split)}: {corpus.Pieces.Count(p => p.Split == split)} pieces, {sequences.Count} sequences ({meters})");
        }

        foreach (var outcome in corpus.Derivations)
        {
            Console.WriteLine($"derived: {outcome.Derivation.Description}: {outcome.Sequences} sequences from {outcome.Pieces} pieces");
        }

        Console.WriteLine($"notes split: {tally.NotesSplitAtBarline} at barlines, {tally.NotesSplitAtChordChange} at chord changes, {tally.NotesSplitIntoDurations} into several durations");
        Console.WriteLine($"written to {Path.GetFullPath(output)} (summary.json has the details)");
    }
}

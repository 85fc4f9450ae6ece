using System.CommandLine;
using SithSynth.Cli.Commands;

namespace SithSynth.Cli;

/// <summary>
/// Runs the command line: a bare call prints the usage, parse errors and refused requests are one line on stderr
/// (with a suggestion for a mistyped command or option) and a non-zero exit.
/// </summary>
internal static class CommandLine
{
    public const int Usage = 2;
    public const int Failure = 1;

    public static int Run(RootCommand root, string[] args)
    {
        root.Subcommands.Add(HelpCommand.Create(root));
        HelpPage.Install(root);
        if (args.Length == 0)
        {
            HelpPage.Write(root, Console.Out);
            return Usage;
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            return Fail(Problems(parsed), Usage);
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CommandLineException e)
        {
            return Fail(e.Message, e.ExitCode);
        }
    }

    private static RootCommand RootOf(Command command) =>
        command as RootCommand ?? command.Parents.OfType<Command>().Select(RootOf).First();

    // Each unknown word once, with a "did you mean" drawn from the options of the command it was typed after (or its
    // sub-commands); the value typed after an unknown option is not a second problem.
    private static string Problems(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var unknown = new List<string>();
        string? previous = null;
        foreach (var token in parsed.UnmatchedTokens)
        {
            var isOption = token.StartsWith('-');
            if (!isOption && previous is not null && previous.StartsWith('-'))
            {
                previous = null;
                continue;
            }

            var known = isOption
                ? command.Options.Concat(RootOf(command).Options.Where(o => o.Recursive)).SelectMany(o => o.Aliases.Prepend(o.Name))
                : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
            var kind = isOption ? "option" : command.Subcommands.Count > 0 ? "command" : "argument";
            var suggestion = TypoSuggestion.Closest(token, known);
            unknown.Add($"unknown {kind} '{token}'" + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)"));
            if (kind == "command")
            {
                break; // what follows an unknown command is its options, unknown here for that reason alone
            }

            previous = token;
        }

        var others = parsed.Errors.Select(e => e.Message)
            .Where(m => !m.StartsWith("Unrecognized command or argument", StringComparison.Ordinal))
            .Where(m => unknown.Count == 0 || !m.StartsWith("Required command was not provided", StringComparison.Ordinal))
            .Select(Readable);
        return string.Join("; ", unknown.Concat(others));
    }

    // System.CommandLine names CLR types in its messages; people read "a whole number".
    private static string Readable(string message) => message
        .Replace("'System.Nullable`1[System.Int32]'", "a whole number", StringComparison.Ordinal)
        .Replace("'System.Nullable`1[System.UInt64]'", "a whole number from 0 to 18446744073709551615", StringComparison.Ordinal)
        .Replace("'System.Nullable`1[System.Double]'", "a number", StringComparison.Ordinal)
        .Replace("as expected type ", "as ", StringComparison.Ordinal)
        .TrimEnd('.');

    public static int Fail(string message, int exitCode)
    {
        Console.Error.WriteLine($"sithsynth: {message}");
        return exitCode;
    }
}

using System.CommandLine;

namespace SithSynth.Cli.Commands;

/// <summary><c>sithsynth help [COMMAND]</c>: the same text as <c>--help</c>, for people who type it as a word.</summary>
internal static class HelpCommand
{
    public static Command Create(RootCommand root)
    {
        var name = new Argument<string?>("command") { Description = "Command to describe; every command when absent.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("help", "Show how to use sithsynth or one of its commands.") { name };
        command.SetAction(result =>
        {
            if (result.GetValue(name) is not { } wanted)
            {
                HelpPage.Write(root, Console.Out);
                return 0;
            }

            var known = root.Subcommands.Where(c => !c.Hidden).ToList();
            if (known.FirstOrDefault(c => c.Name == wanted) is not { } found)
            {
                var suggestion = TypoSuggestion.Closest(wanted, known.Select(c => c.Name));
                throw new CommandLineException(
                    $"help: there is no command '{wanted}'" + (suggestion is null ? $"; the commands are {string.Join(", ", known.Select(c => c.Name))}." : $"; did you mean '{suggestion}'?"),
                    CommandLine.Usage);
            }

            HelpPage.Write(found, Console.Out);
            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using System.Text;

namespace SithSynth.Cli;

/// <summary>
/// The --help text, written here rather than by System.CommandLine so a default reads one way everywhere:
/// "(default X)" in the description, written by the option itself when the default is chosen later (by the request
/// validator, say) and generated from the option's default value otherwise.
/// </summary>
internal sealed class HelpPage : SynchronousCommandLineAction
{
    private const int Width = 110;

    public override bool ClearsParseErrors => true;

    /// <summary>Makes every command's --help (the root's option is inherited by all) print this page.</summary>
    public static void Install(RootCommand root) => root.Options.OfType<HelpOption>().Single().Action = new HelpPage();

    public override int Invoke(ParseResult parseResult)
    {
        Write(parseResult.CommandResult.Command, Console.Out);
        return 0;
    }

    public static void Write(Command command, TextWriter output)
    {
        var text = new StringBuilder();
        text.AppendLine("Description:").AppendLine(Indent(command.Description ?? "", 2)).AppendLine();
        text.AppendLine("Usage:").AppendLine("  " + Usage(command)).AppendLine();
        Section(text, "Arguments:", command.Arguments.Where(a => !a.Hidden).Select(a => ($"<{a.Name}>", a.Description ?? "")));
        var options = command.Options.Concat(Ancestors(command).SelectMany(c => c.Options).Where(o => o.Recursive)).Where(o => !o.Hidden);
        Section(text, "Options:", options.Select(o => (Label(o), Describe(o))));
        Section(text, "Commands:", command.Subcommands.Where(c => !c.Hidden).Select(c => (c.Name, c.Description ?? "")));
        output.Write(text.ToString().TrimEnd() + Environment.NewLine);
    }

    /// <summary>The option's description with its default in the one form, when it has a default value.</summary>
    public static string Describe(Option option)
    {
        var description = option.Description ?? "";
        if (!option.HasDefaultValue || option is HelpOption || option.ValueType == typeof(bool) || description.Contains("(default", StringComparison.Ordinal))
        {
            return description;
        }

        var shown = $"(default {Format(option.GetDefaultValue())})";
        return description.EndsWith('.') ? $"{description[..^1]} {shown}." : $"{description} {shown}";
    }

    private static string Format(object? value) => value switch
    {
        FileSystemInfo path => path.ToString(),
        string text => text,
        System.Collections.IEnumerable many => string.Join(' ', many.Cast<object>().Select(Format)),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "none",
    };

    private static string Usage(Command command)
    {
        var path = string.Join(' ', Ancestors(command).Reverse().Append(command).Select(c => c is RootCommand ? "sithsynth" : c.Name));
        var arguments = string.Concat(command.Arguments.Where(a => !a.Hidden).Select(a => a.Arity.MinimumNumberOfValues == 0 ? $" [<{a.Name}>]" : $" <{a.Name}>"));
        return path + (command.Subcommands.Count > 0 ? " [command]" : "") + arguments + " [options]";
    }

    private static string Label(Option option)
    {
        var names = string.Join(", ", option.Aliases.Order(StringComparer.Ordinal).Append(option.Name));
        return option.ValueType == typeof(bool) || option.Arity.MaximumNumberOfValues == 0
            ? names
            : $"{names} <{option.HelpName ?? option.Name.TrimStart('-')}>";
    }

    private static void Section(StringBuilder text, string title, IEnumerable<(string Name, string Description)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var column = Math.Min(list.Max(r => r.Name.Length) + 4, 36);
        text.AppendLine(title);
        foreach (var (name, description) in list)
        {
            var lines = Wrap(description, Width - column);
            var first = "  " + name;
            text.AppendLine(first.Length + 2 <= column ? first.PadRight(column) + lines[0] : first + Environment.NewLine + new string(' ', column) + lines[0]);
            foreach (var line in lines.Skip(1))
            {
                text.Append(' ', column).AppendLine(line);
            }
        }

        text.AppendLine();
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string> { "" };
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lines[^1].Length > 0 && lines[^1].Length + 1 + word.Length > width)
            {
                lines.Add("");
            }

            lines[^1] = lines[^1].Length == 0 ? word : lines[^1] + " " + word;
        }

        return lines;
    }

    private static string Indent(string text, int spaces) => string.Join(Environment.NewLine, Wrap(text, Width - spaces).Select(l => new string(' ', spaces) + l));

    private static IEnumerable<Command> Ancestors(Command command)
    {
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            yield return parent;
        }
    }
}

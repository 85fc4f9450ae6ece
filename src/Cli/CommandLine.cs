using System.CommandLine;

namespace SithSynth.Cli;

/// <summary>Runs the command line: parse errors and refused requests are one line on stderr and a non-zero exit.</summary>
internal static class CommandLine
{
    public const int Usage = 2;
    public const int Failure = 1;

    public static int Run(RootCommand root, string[] args)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            return Fail(string.Join("; ", parsed.Errors.Select(e => Readable(e.Message))), Usage);
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

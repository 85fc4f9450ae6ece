namespace SithSynth.Cli;

/// <summary>A failure the user can act on; its message is printed as the one error line.</summary>
internal sealed class CommandLineException(string message, int exitCode = CommandLine.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

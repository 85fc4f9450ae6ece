using System.Diagnostics;

namespace SithSynth.Cli.Tests;

/// <summary>Runs the built sithsynth program as a separate process, as a person would from a shell.</summary>
internal static class Sithsynth
{
    public sealed record Outcome(int ExitCode, string Out, string Error);

    /// <summary>How to start the built program with <paramref name="args"/>, from the temporary folder, its output captured.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sithsynth.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    public static Outcome Run(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sithsynth {string.Join(' ', args)} did not finish in two minutes.");
        }

        return new Outcome(process.ExitCode, output.Result, error.Result);
    }

    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sithsynth-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}

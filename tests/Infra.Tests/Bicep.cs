using System.Diagnostics;
using System.Reflection;

namespace SithSynth.Infra.Tests;

/// <summary>Runs the Bicep CLI that restore downloaded (PackageDownload in the project file).</summary>
internal static class Bicep
{
    public sealed record Outcome(int ExitCode, string Out, string Error)
    {
        /// <summary>Bicep exits 0 even with linter warnings, so "clean" means it also printed nothing.</summary>
        public bool IsClean => ExitCode == 0 && Out.Trim().Length == 0 && Error.Trim().Length == 0;

        public override string ToString() => $"exit {ExitCode}\n{Out}\n{Error}";
    }

    public static string ExecutablePath { get; } = Locate();

    public static Outcome Run(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.BicepFolder,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Parameter files read these; the developer's shell must not change what the tests see.
        start.Environment.Remove("WEB_CLIENT_ORIGIN");
        start.Environment.Remove("AZURE_ENV_NAME");
        // No telemetry calls from a test run.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(180_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', args)} did not finish in three minutes.");
        }

        return new Outcome(process.ExitCode, output.Result, error.Result);
    }

    public static Outcome Run(params string[] args) => Run(null, args);

    private static string Locate()
    {
        var path = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepPath").Value!;
        if (!OperatingSystem.IsLinux() || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"No Bicep CLI at {path}. The tests use the linux-x64 package that `dotnet restore` downloads; run them on Linux.");
        }

        // NuGet extracts with the archive's permissions, which do not always include execute for everyone.
        var mode = File.GetUnixFileMode(path);
        var execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }

        return path;
    }
}

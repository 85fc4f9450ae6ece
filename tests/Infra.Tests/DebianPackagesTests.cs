using System.Diagnostics;

namespace SithSynth.Infra.Tests;

/// <summary>
/// The Debian installers run with apt-get, dpkg-query, sudo and id replaced by stubs on PATH that report every package
/// missing and record how they were called, as root and as a user with sudo, so an installer that only works on a
/// machine that already has its packages fails here rather than on a new user's machine.
/// </summary>
public sealed class DebianPackagesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sithsynth-apt-tests", Guid.NewGuid().ToString("N"));

    public DebianPackagesTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void As_root_the_training_installer_runs_apt_get_itself_non_interactively()
    {
        var run = Run("training/install.sh", userId: 0);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(
            [
                "apt-get update [DEBIAN_FRONTEND=noninteractive]",
                "apt-get install -y --no-install-recommends python3-torch python3-onnx libopenblas0-pthread [DEBIAN_FRONTEND=noninteractive]",
            ],
            run.Calls);
    }

    [Fact]
    public void As_a_user_the_training_installer_goes_through_sudo()
    {
        var run = Run("training/install.sh", userId: 1000);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(
            [
                "sudo env DEBIAN_FRONTEND=noninteractive apt-get update",
                "apt-get update [DEBIAN_FRONTEND=noninteractive]",
                "sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-torch python3-onnx libopenblas0-pthread",
                "apt-get install -y --no-install-recommends python3-torch python3-onnx libopenblas0-pthread [DEBIAN_FRONTEND=noninteractive]",
            ],
            run.Calls);
    }

    [Fact]
    public void Nothing_runs_when_every_package_is_installed()
    {
        var run = Run("training/install.sh", userId: 1000, installed: true);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Empty(run.Calls);
    }

    [Fact]
    public void A_user_without_sudo_gets_one_line_and_exit_1()
    {
        var run = Run("scripts/debian-packages.sh chromium", userId: 1000, withSudo: false);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("debian-packages: chromium missing; run as root or install sudo", run.Output.Trim());
        Assert.Empty(run.Calls);
    }

    [Fact]
    public void Every_script_that_installs_Debian_packages_does_it_through_the_shared_installer()
    {
        var scripts = Directory.EnumerateFiles(Repository.Root, "*.sh", SearchOption.AllDirectories)
            .Where(f => !f.Contains("node_modules", StringComparison.Ordinal) && !f.Contains("/.tools/", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Repository.Root, f))
            .Where(f => f != "scripts/debian-packages.sh")
            .ToList();

        Assert.Contains("web/test.sh", scripts);
        Assert.All(scripts, f => Assert.DoesNotContain("apt-get", File.ReadAllText(Path.Combine(Repository.Root, f)), StringComparison.Ordinal));
        Assert.Contains("scripts/debian-packages.sh chromium", File.ReadAllText(Path.Combine(Repository.Root, "web", "test.sh")), StringComparison.Ordinal);
    }

    private (int ExitCode, string Output, List<string> Calls) Run(string command, int userId, bool installed = false, bool withSudo = true)
    {
        var bin = Path.Combine(_folder, "bin");
        Directory.CreateDirectory(bin);
        var log = Path.Combine(_folder, "calls.log");
        File.WriteAllText(log, "");

        // Each stub logs its arguments; apt-get also logs the DEBIAN_FRONTEND it was given, where apt reads it.
        Stub(bin, "apt-get", $"echo \"apt-get $*${{DEBIAN_FRONTEND:+ [DEBIAN_FRONTEND=$DEBIAN_FRONTEND]}}\" >> '{log}'");
        Stub(bin, "dpkg-query", installed ? "printf 'install ok installed'" : "exit 1");
        Stub(bin, "id", $"echo {userId}");
        if (withSudo)
        {
            Stub(bin, "sudo", $"echo \"sudo $*\" >> '{log}'; exec \"$@\"");
        }

        var parts = command.Split(' ');
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
        start.ArgumentList.Add(Path.Combine(Repository.Root, parts[0]));
        foreach (var argument in parts.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        // Only the stubs and the coreutils the scripts use: no real sudo or apt-get can be reached.
        var tools = Path.Combine(_folder, "tools");
        Directory.CreateDirectory(tools);
        foreach (var tool in new[] { "env", "grep", "dirname", "bash", "cat" })
        {
            var real = new[] { "/usr/bin", "/bin" }.Select(d => Path.Combine(d, tool)).First(File.Exists);
            File.CreateSymbolicLink(Path.Combine(tools, tool), real);
        }

        start.Environment["PATH"] = $"{bin}:{tools}";
        start.Environment.Remove("DEBIAN_FRONTEND");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var calls = File.ReadAllLines(log).ToList();
        return (process.ExitCode, output.Result + error.Result, calls);
    }

    private static void Stub(string bin, string name, string body)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The installers are Debian scripts; run these tests on Linux.");
        }

        var path = Path.Combine(bin, name);
        File.WriteAllText(path, $"#!/bin/bash\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}

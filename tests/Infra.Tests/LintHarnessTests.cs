namespace SithSynth.Infra.Tests;

/// <summary>
/// The lint tests pass only while the CLI prints nothing; these prove a finding really reaches them, so a
/// silent CLI (wrong path, swallowed output, a pattern that matches nothing) cannot make every file look clean.
/// </summary>
public sealed class LintHarnessTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sithsynth-infra-tests", Guid.NewGuid().ToString("N"));

    public LintHarnessTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void A_linter_warning_in_one_of_several_files_is_reported_with_its_file()
    {
        File.WriteAllText(Path.Combine(_folder, "clean.bicep"), "param name string\noutput greeting string = 'hello ${name}'\n");
        Directory.CreateDirectory(Path.Combine(_folder, "nested"));
        File.WriteAllText(Path.Combine(_folder, "nested", "unused.bicep"), "param neverUsed string\n");

        var outcome = Bicep.Run("lint", "--pattern", Path.Combine(_folder, "**", "*.bicep"));

        Assert.False(outcome.IsClean);
        var report = outcome.Out + outcome.Error;
        Assert.Contains("unused.bicep", report, StringComparison.Ordinal);
        Assert.Contains("no-unused-params", report, StringComparison.Ordinal);
        Assert.DoesNotContain("clean.bicep", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_file_that_does_not_fit_its_template_is_reported()
    {
        File.WriteAllText(Path.Combine(_folder, "main.bicep"), "param name string\noutput greeting string = 'hello ${name}'\n");
        File.WriteAllText(Path.Combine(_folder, "main.bicepparam"), "using 'main.bicep'\nparam name = 'x'\nparam undeclared = 1\n");

        var outcome = Bicep.Run("lint", "--pattern", Path.Combine(_folder, "*.bicepparam"));

        Assert.False(outcome.IsClean);
        Assert.Contains("undeclared", outcome.Out + outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cli_is_the_pinned_version()
    {
        var outcome = Bicep.Run("--version");

        Assert.Equal(0, outcome.ExitCode);
        var pinned = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(Bicep.ExecutablePath)));
        Assert.Contains($"Bicep CLI version {pinned} ", outcome.Out, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

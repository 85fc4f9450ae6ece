namespace SithSynth.Infra.Tests;

/// <summary>
/// Every template and parameter file builds and lints without a single diagnostic. One CLI run per step
/// covers all files (--pattern); the CLI prints each diagnostic with its file, so a failure still names it.
/// </summary>
public sealed class TemplatesCompileAndLintTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "sithsynth-infra-tests", Guid.NewGuid().ToString("N"));

    public TemplatesCompileAndLintTests() => Directory.CreateDirectory(_output);

    [Fact]
    public void The_templates_folder_has_the_main_template_modules_and_both_environments()
    {
        var files = Repository.BicepFiles();

        Assert.Contains("main.bicep", files);
        Assert.Contains(Path.Combine("params", "dev.bicepparam"), files);
        Assert.Contains(Path.Combine("params", "prod.bicepparam"), files);
        Assert.True(files.Count(f => f.StartsWith("modules", StringComparison.Ordinal)) >= 5, string.Join(", ", files));
    }

    [Fact]
    public void Every_template_builds_without_diagnostics()
    {
        var outcome = Bicep.Run("build", "--pattern", "**/*.bicep", "--outdir", _output);

        Assert.True(outcome.IsClean, $"bicep build: {outcome}");
        AssertOneJsonPer(".bicep");
    }

    [Fact]
    public void Every_parameter_file_builds_without_diagnostics()
    {
        var outcome = Bicep.Run("build-params", "--pattern", "**/*.bicepparam", "--outdir", _output);

        Assert.True(outcome.IsClean, $"bicep build-params: {outcome}");
        AssertOneJsonPer(".bicepparam");
    }

    [Theory]
    [InlineData("**/*.bicep")]
    [InlineData("**/*.bicepparam")]
    public void Every_file_lints_without_diagnostics(string pattern)
    {
        var outcome = Bicep.Run("lint", "--pattern", pattern);

        Assert.True(outcome.IsClean, $"bicep lint {pattern}: {outcome}");
    }

    /// <summary>Proves the pattern reached every file: the CLI writes a .json beside each one's relative path.</summary>
    private void AssertOneJsonPer(string extension)
    {
        var expected = Repository.BicepFiles().Where(f => Path.GetExtension(f) == extension)
            .Select(f => Path.ChangeExtension(f, ".json")).Order(StringComparer.Ordinal);
        var written = Directory.EnumerateFiles(_output, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_output, f)).Order(StringComparer.Ordinal);

        Assert.Equal(expected, written);
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);
}

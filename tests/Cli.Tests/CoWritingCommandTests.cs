using System.Xml.Linq;
using SithSynth.Tests;

namespace SithSynth.Cli.Tests;

/// <summary><c>generate --source FILE --regenerate BARS</c> and <c>generate --primer FILE</c>.</summary>
public class CoWritingCommandTests
{
    private static List<List<string>> Measures(string file) => KeptMeasures.Of(XDocument.Load(file));

    [Theory]
    [InlineData("lstm", "6/8", "Bm")]
    [InlineData("transformer", "4/4", "Ab")]
    public void Regenerating_bars_of_a_written_sheet_keeps_the_others(string model, string meter, string key)
    {
        var folder = Sithsynth.NewFolder();
        Assert.Equal(0, Sithsynth.Run("generate", "--model", model, "--time-signature", meter, "--key", key, "--seed", "31", "--out", folder, "--name", "first", "-q").ExitCode);
        var first = Path.Combine(folder, "first.musicxml");

        var run = Sithsynth.Run("generate", "--model", model, "--source", first, "--regenerate", "9-12", "--seed", "32", "--out", folder, "--name", "again");

        Assert.True(run.ExitCode == 0, run.Error);
        var (before, after) = (Measures(first), Measures(Path.Combine(folder, "again.musicxml")));
        for (var part = 0; part < before.Count; part++)
        {
            Assert.All(Enumerable.Range(0, 16).Where(b => b is < 8 or > 11), b => Assert.Equal(before[part][b], after[part][b]));
        }

        Assert.NotEqual(before[0].GetRange(8, 4), after[0].GetRange(8, 4));
        Assert.Contains($"16 bars of {meter} in {key}", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_primer_opens_the_continued_sheet()
    {
        var folder = Sithsynth.NewFolder();
        Assert.Equal(0, Sithsynth.Run("generate", "--bars", "8", "--key", "F", "--layout", "lead-sheet", "--seed", "4", "--out", folder, "--name", "tune", "-q").ExitCode);

        var run = Sithsynth.Run("generate", "--primer", Path.Combine(folder, "tune.musicxml"), "--bars", "16", "--layout", "lead-sheet", "--seed", "5", "--out", folder, "--name", "longer");

        Assert.True(run.ExitCode == 0, run.Error);
        var (tune, longer) = (Measures(Path.Combine(folder, "tune.musicxml"))[0], Measures(Path.Combine(folder, "longer.musicxml"))[0]);
        Assert.Equal(16, longer.Count);
        Assert.Equal(tune.GetRange(1, 6), longer.GetRange(1, 6));
    }

    [Theory]
    [InlineData(new[] { "--regenerate", "2-3" }, "--regenerate: give the sheet to rewrite with --source")]
    [InlineData(new[] { "--source", "SOURCE" }, "--source: say which bars to write again with --regenerate")]
    [InlineData(new[] { "--source", "SOURCE", "--regenerate", "7-30" }, "--regenerate: Bars 7-30 go past the sheet's 8 bars.")]
    [InlineData(new[] { "--source", "SOURCE", "--regenerate", "three" }, "--regenerate: 'three' is not a bar span")]
    [InlineData(new[] { "--source", "SOURCE", "--regenerate", "2", "--bars", "12" }, "--bars: the source sheet has 8 bars")]
    [InlineData(new[] { "--source", "SOURCE", "--regenerate", "2", "--key", "Am" }, "--key: the source sheet is in C")]
    [InlineData(new[] { "--primer", "SOURCE", "--bars", "8" }, "--bars: Bars must be more than the primer's 8")]
    [InlineData(new[] { "--primer", "MISSING" }, "--primer: cannot read")]
    public void Co_writing_that_cannot_be_done_is_one_line_naming_the_option(string[] options, string message)
    {
        var folder = Sithsynth.NewFolder();
        Assert.Equal(0, Sithsynth.Run("generate", "--bars", "8", "--seed", "4", "--out", folder, "--name", "source", "-q").ExitCode);
        var args = options.Select(o => o.Replace("SOURCE", Path.Combine(folder, "source.musicxml"), StringComparison.Ordinal).Replace("MISSING", Path.Combine(folder, "none.musicxml"), StringComparison.Ordinal));

        var run = Sithsynth.Run(["generate", .. args, "--out", folder, "--name", "new"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'), line => line.StartsWith("sithsynth:", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(folder, "new.musicxml")));
    }
}

using System.Diagnostics;
using System.Text.Json;

namespace SithSynth.Cli.Tests;

/// <summary>Where generate writes: one line and exit 1 when it cannot, never over an earlier run's files unasked.</summary>
public class GenerateOutputTests
{
    public static TheoryData<string, string> Unusable => new()
    {
        { "an existing file", "is a file, not a folder" },
        { "a path under a file", "cannot create the folder" },
        { "/proc/sithsynth-test/out", "cannot create the folder" },
        { "/sys/sithsynth-test", "cannot create the folder" },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public void An_out_folder_that_cannot_be_made_is_one_line_and_exit_code_one(string where, string message)
    {
        var file = Path.Combine(Sithsynth.NewFolder(), "a-file");
        File.WriteAllText(file, "");
        var folder = where switch
        {
            "an existing file" => file,
            "a path under a file" => Path.Combine(file, "out"),
            _ => where,
        };

        var run = Sithsynth.Run("generate", "--bars", "8", "--out", folder);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"sithsynth: --out: ", line, StringComparison.Ordinal);
        Assert.Contains(folder, line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void A_second_run_into_the_same_files_is_refused_and_leaves_them_alone()
    {
        var folder = Sithsynth.NewFolder();
        Assert.Equal(0, Sithsynth.Run("generate", "--bars", "8", "--seed", "1", "--out", folder).ExitCode);
        var before = Snapshot(folder);

        var run = Sithsynth.Run("generate", "--bars", "8", "--seed", "2", "--out", folder);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("already exists; pass --force", line, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(folder));
    }

    [Fact]
    public void An_earlier_runs_variations_alone_also_refuse_the_run()
    {
        var folder = Sithsynth.NewFolder();
        File.WriteAllText(Path.Combine(folder, "leadsheet-5.mid"), "from an earlier run");

        var run = Sithsynth.Run("generate", "--bars", "8", "--out", folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("leadsheet-5.mid already exists", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Force_replaces_the_files_and_removes_the_earlier_runs_extra_variations_only()
    {
        var folder = Sithsynth.NewFolder();
        Assert.Equal(0, Sithsynth.Run("generate", "--bars", "8", "--seed", "1", "--variations", "3", "--out", folder).ExitCode);
        var unrelated = new[] { "leadsheet-notes.txt", "leadsheet-2b.mid", "other.mid" };
        foreach (var name in unrelated)
        {
            File.WriteAllText(Path.Combine(folder, name), "mine");
        }

        var first = File.ReadAllBytes(Path.Combine(folder, "leadsheet.mid"));

        var run = Sithsynth.Run("generate", "--bars", "8", "--seed", "2", "--variations", "2", "--force", "--out", folder);

        Assert.True(run.ExitCode == 0, run.Error);
        string[] expected = ["leadsheet-2.json", "leadsheet-2.mid", "leadsheet-2.musicxml", "leadsheet.json", "leadsheet.mid", "leadsheet.musicxml", .. unrelated];
        Assert.Equal(expected.Order(StringComparer.Ordinal), Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.NotEqual(first, File.ReadAllBytes(Path.Combine(folder, "leadsheet.mid")));
        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "leadsheet-2.json")));
        Assert.Equal("2", report.RootElement.GetProperty("requestSeed").GetString());
    }

    [Fact]
    public void Json_prints_one_object_naming_the_files_the_seeds_as_strings_and_the_measures()
    {
        var folder = Sithsynth.NewFolder();

        var run = Sithsynth.Run("generate", "--bars", "8", "--seed", "18446744073709551615", "--variations", "2", "--json", "--out", folder);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Empty(run.Error);
        using var printed = JsonDocument.Parse(run.Out);
        var root = printed.RootElement;
        Assert.Equal("18446744073709551615", root.GetProperty("seed").GetString());
        var files = root.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Equal(Directory.GetFiles(folder).Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal));
        var variations = root.GetProperty("variations").EnumerateArray().ToList();
        Assert.Equal(2, variations.Count);
        foreach (var variation in variations)
        {
            using var report = JsonDocument.Parse(File.ReadAllBytes(variation.GetProperty("files").GetProperty("report").GetString()!));
            Assert.Equal(report.RootElement.GetProperty("variationSeed").GetString(), variation.GetProperty("seed").GetString());
            var measured = report.RootElement.GetProperty("analysis");
            Assert.Equal(Math.Round(measured.GetProperty("averageValence").GetDouble(), 3), variation.GetProperty("averageValence").GetDouble());
            Assert.Equal(measured.GetProperty("bars").EnumerateArray().Sum(b => b.GetProperty("notes").GetInt32()), variation.GetProperty("notes").GetInt32());
        }
    }

    [Fact]
    public void Quiet_prints_nothing_and_still_writes_the_files()
    {
        var folder = Sithsynth.NewFolder();

        var run = Sithsynth.Run("generate", "--bars", "8", "--variations", "2", "--quiet", "--out", folder);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Empty(run.Out);
        Assert.Empty(run.Error);
        Assert.Equal(6, Directory.GetFiles(folder).Length);
    }

    [Fact]
    public void A_seed_read_by_javascript_from_the_report_writes_the_same_sheet_again()
    {
        var first = Sithsynth.NewFolder();
        var second = Sithsynth.NewFolder();
        Assert.Equal(0, Sithsynth.Run("generate", "--bars", "8", "--seed", "4608157915609156323", "--out", first).ExitCode);

        // What a web page or a Node script gets from the report: a number here would read back as …156000.
        var seed = Node($"const r = JSON.parse(require('fs').readFileSync({JsonSerializer.Serialize(Path.Combine(first, "leadsheet.json"))}, 'utf8')); process.stdout.write(typeof r.requestSeed + ' ' + r.requestSeed)");
        Assert.Equal("string 4608157915609156323", seed);
        Assert.Equal(0, Sithsynth.Run("generate", "--bars", "8", "--seed", seed.Split(' ')[1], "--out", second).ExitCode);

        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "leadsheet.mid")), File.ReadAllBytes(Path.Combine(second, "leadsheet.mid")));
    }

    private static string Node(string script)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(script);
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEnd();
        Assert.True(node.WaitForExit(30_000) && node.ExitCode == 0, node.StandardError.ReadToEnd());
        return output;
    }

    private static Dictionary<string, string> Snapshot(string folder) => Directory.GetFiles(folder)
        .ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}

using System.Text.Json;
using System.Xml.Linq;
using NAudio.Midi;

namespace SithSynth.Cli.Tests;

public class GenerateCommandTests
{
    [Theory]
    [InlineData("lstm")]
    [InlineData("transformer")]
    public void Writes_midi_musicxml_and_a_report_that_agree_with_the_request(string model)
    {
        var folder = Sithsynth.NewFolder();

        var run = Sithsynth.Run("generate", "--model", model, "--bars", "12", "--time-signature", "3/4", "--key", "Bb", "--tempo", "84", "--valence", "1", "--seed", "2024", "--out", folder);

        Assert.True(run.ExitCode == 0, run.Error);
        var midi = new MidiFile(Path.Combine(folder, "leadsheet.mid"), strictChecking: true);
        var lastTick = midi.Events.SelectMany(track => track).Max(e => e.AbsoluteTime);
        Assert.Equal(12 * 3 * midi.DeltaTicksPerQuarterNote, lastTick);

        var score = XDocument.Load(Path.Combine(folder, "leadsheet.musicxml"));
        // The melody part; the chord staff is a part of its own, bar for bar.
        Assert.All(score.Descendants("part"), part => Assert.Equal(12, part.Elements("measure").Count()));
        Assert.Equal("-2", score.Descendants("fifths").First().Value);

        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "leadsheet.json")));
        Assert.Equal("2024", report.RootElement.GetProperty("requestSeed").GetString());
        Assert.Equal(12, report.RootElement.GetProperty("analysis").GetProperty("bars").GetArrayLength());
        Assert.Contains("seed 2024", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_writes_identical_bytes_in_separate_runs()
    {
        var first = Sithsynth.NewFolder();
        var second = Sithsynth.NewFolder();
        string[] args = ["generate", "--bars", "16", "--valence", "-1", "--density", "high", "--key", "F#m", "--seed", "99", "--variations", "2"];

        Assert.Equal(0, Sithsynth.Run([.. args, "--out", first]).ExitCode);
        Assert.Equal(0, Sithsynth.Run([.. args, "--out", second]).ExitCode);

        var files = Directory.GetFiles(first).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["leadsheet-2.json", "leadsheet-2.mid", "leadsheet-2.musicxml", "leadsheet.json", "leadsheet.mid", "leadsheet.musicxml"], files);
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file!)), File.ReadAllBytes(Path.Combine(second, file!)));
        }

        Assert.NotEqual(File.ReadAllBytes(Path.Combine(first, "leadsheet.mid")), File.ReadAllBytes(Path.Combine(first, "leadsheet-2.mid")));
    }

    [Fact]
    public void Several_invalid_fields_are_one_line_naming_each_option()
    {
        var folder = Sithsynth.NewFolder();

        var run = Sithsynth.Run("generate", "--bars", "3", "--key", "H", "--tempo", "5", "--time-signature", "5/4", "--out", folder);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("sithsynth: invalid request:", line, StringComparison.Ordinal);
        foreach (var option in new[] { "--bars", "--key", "--tempo", "--time-signature" })
        {
            Assert.Contains(option + ":", line, StringComparison.Ordinal);
        }

        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void A_form_that_does_not_fit_is_one_line_and_exit_code_two()
    {
        var folder = Sithsynth.NewFolder();

        var run = Sithsynth.Run("generate", "--bars", "16", "--form", "AABA", "--out", folder);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("sithsynth: invalid request: --form: Form 'AABA' has 4 phrases, but 16 bars make 2 (8 + 8 bars): write 2 letters, or 'through'.", line);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Theory]
    [InlineData("C | Am7b5 | F | G", "--chords: Model 'transformer' cannot write 'Am7b5' (bar 2); the nearest chord it writes is Adim.")]
    [InlineData("C | Am F G | F | G", "--chords: Bar 2 has 3 chords (Am F G), but a bar of 4/4 splits evenly on its beats only into 1, 2 or 4 chords.")]
    [InlineData("C|C|C|C|C|C|C|C|C", "--chords: The progression has 9 bars, but the sheet has 8: give at most 8 bars, or ask for more bars.")]
    public void A_progression_that_cannot_be_followed_is_one_line_and_exit_code_two(string chords, string problem)
    {
        var folder = Sithsynth.NewFolder();

        var run = Sithsynth.Run("generate", "--bars", "8", "--chords", chords, "--out", folder);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("sithsynth: invalid request: " + problem, line);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void A_progression_is_followed_in_the_key_asked_for_and_the_report_says_whose_chords_they_are()
    {
        var folder = Sithsynth.NewFolder();

        var run = Sithsynth.Run("generate", "--bars", "8", "--key", "Gm", "--time-signature", "3/4", "--chords", "Gm | Cm D7 Gm | _ | D7", "--seed", "4", "--out", folder);

        Assert.True(run.ExitCode == 0, run.Error);
        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "leadsheet.json")));
        var progression = report.RootElement.GetProperty("progression");
        Assert.True(progression.GetProperty("followed").GetBoolean());
        var bars = progression.GetProperty("bars").EnumerateArray().ToList();
        Assert.Equal(["Gm", "Cm D7 Gm", "_", "D7", "_", "_", "_", "_"], bars.Select(b => b.GetProperty("requested").GetString()));
        Assert.Equal(["Gm", "Cm D7 Gm"], bars.Take(2).Select(b => b.GetProperty("written").GetString()));
        Assert.Equal(["user", "user", "model", "user"], bars.Take(4).Select(b => b.GetProperty("chordsFrom").GetString()));
        var score = XDocument.Load(Path.Combine(folder, "leadsheet.musicxml"));
        var firstBar = score.Descendants("measure").First().Descendants("harmony").Select(h => h.Element("root")!.Element("root-step")!.Value + h.Element("kind")!.Attribute("text")!.Value);
        Assert.Equal("Gm", firstBar.First());
    }

    [Fact]
    public void A_requested_AABA_restates_its_first_phrase_and_the_report_says_so()
    {
        var folder = Sithsynth.NewFolder();

        var run = Sithsynth.Run("generate", "--model", "lstm", "--bars", "32", "--form", "AABA", "--seed", "11", "--out", folder);

        Assert.True(run.ExitCode == 0, run.Error);
        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "leadsheet.json")));
        Assert.Equal("AABA", report.RootElement.GetProperty("request").GetProperty("form").GetString());
        Assert.True(report.RootElement.GetProperty("template").GetProperty("piece").GetString()!.Length > 0);
        var plan = report.RootElement.GetProperty("plan");
        Assert.Equal(Enumerable.Range(1, 8), Enumerable.Range(8, 8).Select(i => plan[i].GetProperty("restates").GetInt32()));
        var score = XDocument.Load(Path.Combine(folder, "leadsheet.musicxml"));
        var measures = score.Descendants("measure").Select(m => string.Concat(m.Elements("note").Select(n => n.Element("pitch")?.Value + n.Element("duration")?.Value))).ToList();
        Assert.Equal(measures.Take(8), measures.Skip(8).Take(8));
    }

    [Theory]
    [InlineData("--bars", "many")]
    [InlineData("--seed", "-4")]
    [InlineData("--valence", "1,x")]
    [InlineData("--colour", "red")]
    public void Malformed_options_are_one_line_and_exit_code_two(string option, string value)
    {
        var run = Sithsynth.Run("generate", option, value, "--out", Sithsynth.NewFolder());

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_models_folder_without_models_is_one_line_naming_it_and_exit_code_one()
    {
        var empty = Sithsynth.NewFolder();

        var run = Sithsynth.Run("generate", "--models-dir", empty, "--out", Sithsynth.NewFolder());

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"sithsynth: --models-dir: no usable model in {empty}", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_models_folder_is_reported_plainly()
    {
        var run = Sithsynth.Run("generate", "--models-dir", "/nonexistent/models", "--out", Sithsynth.NewFolder());

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("sithsynth: The models folder '/nonexistent/models' does not exist.", run.Error.Trim());
    }

    [Fact]
    public void Help_lists_every_request_option()
    {
        var run = Sithsynth.Run("generate", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--model", "--temperature", "--time-signature", "--bars", "--valence", "--density", "--key", "--tempo", "--seed", "--variations", "--out" })
        {
            Assert.Contains(option, run.Out, StringComparison.Ordinal);
        }
    }
}

using System.Text.Json;
using SithSynth.Domain.Models;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Tests.Models;

/// <summary>Writes model folders with a card in a temporary directory, for tests that need cards but not weights.</summary>
public static class TestCards
{
    /// <summary>A card of the given format: 2 lists the training vocabulary (modes, final positions, tie), 1 the format before it.</summary>
    public static Dictionary<string, object?> Document(string name, int maxBars = 40, string[]? meters = null, int formatVersion = 2) => new()
    {
        ["formatVersion"] = formatVersion,
        ["name"] = name,
        ["architecture"] = "test",
        ["maxBars"] = maxBars,
        ["onsetResolution"] = TrainingVocabulary.OnsetResolution,
        ["maxOnset"] = TrainingVocabulary.MaxOnset,
        ["conditions"] = formatVersion == 1
            ? new
            {
                timeSignatures = meters ?? ["4/4", "3/4", "2/4", "2/2", "6/8", "12/8"],
                phrasePositions = new[] { "start1", "start2", "-", "end1", "end2" },
                valences = new[] { -2, -1, 0, 1, 2 },
                densities = new[] { "low", "med", "high" },
            }
            : (object)new
            {
                timeSignatures = meters ?? ["4/4", "3/4", "2/4", "2/2", "6/8", "12/8"],
                phrasePositions = new[] { "start1", "start2", "-", "end1", "end2", "final1", "final2" },
                valences = new[] { -2, -1, 0, 1, 2 },
                densities = new[] { "low", "med", "high" },
                modes = new[] { "major", "minor" },
            },
        ["tokens"] = formatVersion == 1 ? VersionOneTokens() : TrainingVocabulary.Tokens(),
        ["encoder"] = new { file = "encoder.onnx", conditions = "conditions", memory = "memory" },
        ["decoder"] = new
        {
            file = "decoder.onnx",
            token = "token",
            bar = "bar",
            onset = "onset",
            memory = "memory",
            logits = "logits",
            state = new[] { new { input = "h", output = "h_out", initialShape = new[] { 1, 1, 8 } } },
        },
    };

    /// <summary>The tokens of a format-1 card: the training vocabulary without the tie.</summary>
    public static IReadOnlyList<string> VersionOneTokens() => [.. TrainingVocabulary.Tokens().Where(t => t != DecoderToken.TieText)];

    /// <summary>Writes the card (and empty model files) into a new folder under <paramref name="root"/>.</summary>
    public static string Write(string root, Dictionary<string, object?> document)
    {
        var folder = Path.Combine(root, (string)document["name"]!);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ModelCard.FileName), JsonSerializer.Serialize(document));
        File.WriteAllBytes(Path.Combine(folder, "encoder.onnx"), []);
        File.WriteAllBytes(Path.Combine(folder, "decoder.onnx"), []);
        return folder;
    }

    public static string NewRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "sithsynth-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        return root;
    }
}

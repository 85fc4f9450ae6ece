using System.Text.Json;
using SithSynth.Domain.Corpus;
using SithSynth.Domain.Vocabulary;
using static SithSynth.Domain.Tests.Corpus.MusicXmlText;

namespace SithSynth.Domain.Tests.Corpus;

public sealed class CorpusWriterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sithsynth-corpus-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static TrainingCorpus SmallCorpus()
    {
        var builder = new CorpusBuilder();
        for (var piece = 0; piece < 10; piece++)
        {
            var bars = Enumerable.Range(0, 9)
                .Select(i => (i == 0 ? Attributes(fifths: -3) : "") + Harmony(i % 2 == 0 ? "E" : "B", i % 2 == 0 ? "major" : "dominant", alter: -1) + Note("E", 4, 8, alter: -1) + Note("G", 4, 4) + Rest(4))
                .ToArray();
            builder.Add($"Composer/Song {piece}", Score(bars));
        }

        return builder.Build(3);
    }

    [Fact]
    public void Each_line_holds_piece_meter_conditions_tokens_bars_and_onsets_in_that_order()
    {
        CorpusWriter.Write(SmallCorpus(), _folder);

        var line = File.ReadLines(Path.Combine(_folder, "train.jsonl")).First();
        using var json = JsonDocument.Parse(line);
        Assert.Equal(["piece", "timeSignature", "conditions", "tokens", "bars", "onsets"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("4/4", json.RootElement.GetProperty("timeSignature").GetString());
        var conditions = json.RootElement.GetProperty("conditions");
        Assert.Equal(8, conditions.GetArrayLength());
        // 4/4, start1, valence +2 (a major chord), density low (two notes), major.
        Assert.Equal([0, 0, 4, 0, 0], conditions[0].EnumerateArray().Select(c => c.GetInt32()));
        var tokens = TrainingVocabulary.Tokens();
        var texts = json.RootElement.GetProperty("tokens").EnumerateArray().Take(5).Select(t => tokens[t.GetInt32()]);
        Assert.Equal(["sos", "chord:C", "note:60", "dur:2", "chord:C"], texts);
        Assert.Equal(json.RootElement.GetProperty("tokens").GetArrayLength() - 1, json.RootElement.GetProperty("onsets").GetArrayLength());
    }

    [Fact]
    public void The_vocabulary_file_carries_tokens_conditions_and_limits()
    {
        CorpusWriter.Write(SmallCorpus(), _folder);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "vocab.json")));
        var root = json.RootElement;
        Assert.Equal(TrainingVocabulary.Tokens(), root.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(TrainingVocabulary.MaxOnset, root.GetProperty("maxOnset").GetInt32());
        Assert.Equal(40, root.GetProperty("maxBars").GetInt32());
        Assert.Equal(3, root.GetProperty("specialTokens").GetProperty("bar").GetInt32());
        Assert.Equal(6, root.GetProperty("conditions").GetProperty("timeSignatures").GetArrayLength());
        Assert.Equal(["major", "minor"], root.GetProperty("conditions").GetProperty("modes").EnumerateArray().Select(m => m.GetString()));
        Assert.False(File.Exists(Path.Combine(_folder, "vocab.json.tmp")));
    }

    [Fact]
    public void The_same_scores_give_the_same_bytes_and_test_pieces_never_reach_training()
    {
        CorpusWriter.Write(SmallCorpus(), _folder);
        var first = Directory.GetFiles(_folder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        CorpusWriter.Write(SmallCorpus(), _folder);
        var second = Directory.GetFiles(_folder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();

        Assert.Equal(first, second);
        var pieces = (string file) => File.ReadLines(Path.Combine(_folder, file)).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("piece").GetString()).ToHashSet();
        var test = pieces("test.jsonl");
        Assert.NotEmpty(test);
        Assert.Empty(test.Intersect(pieces("train.jsonl")));
        Assert.Empty(test.Intersect(pieces("valid.jsonl")));
        using var held = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "test-pieces.json")));
        Assert.Equal(test, held.RootElement.EnumerateArray().Select(p => p.GetProperty("piece").GetString()).ToHashSet());
    }
}

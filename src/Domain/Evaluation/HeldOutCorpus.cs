using System.Text.Json;
using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// Reads a corpus folder's test split, <c>test.jsonl</c>: token windows with condition indexes. Where the corpus carries its own <c>vocab.json</c>,
/// token ids and condition indexes are read through it and moved into the model's ids, so a model whose card
/// orders its lists differently is still scored on the right tokens.
/// </summary>
public static class HeldOutCorpus
{
    public const string SequencesFile = "test.jsonl";
    public const string VocabularyFile = "vocab.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const string TrainFile = "train.jsonl";
    public const string ValidFile = "valid.jsonl";

    public static HeldOutSet Load(string directory, TokenVocabulary tokens, ConditionVocabulary conditions) =>
        Load(directory, SequencesFile, tokens, conditions);

    /// <summary>Any split file of the corpus (test, train or valid), read the same way.</summary>
    public static HeldOutSet Load(string directory, string file, TokenVocabulary tokens, ConditionVocabulary conditions)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The corpus folder '{directory}' does not exist.");
        }

        var notes = new List<string>();
        var sequencesPath = Path.Combine(directory, file);
        var sequences = new List<HeldOutSequence>();
        if (File.Exists(sequencesPath))
        {
            var (tokenIds, corpusConditions) = CorpusVocabulary(directory, tokens, conditions);
            var line = 0;
            foreach (var text in File.ReadLines(sequencesPath))
            {
                line++;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    sequences.Add(Sequence(text, tokenIds, corpusConditions, $"{file} line {line}"));
                }
            }
        }
        else
        {
            notes.Add($"no {file} in {directory}: the figures that need it are skipped");
        }

        return new HeldOutSet(sequences, notes);
    }

    /// <summary>Maps corpus token ids to model ids, and picks the condition lists the indexes refer to.</summary>
    private static (Func<int, int> TokenId, ConditionVocabulary Conditions) CorpusVocabulary(string directory, TokenVocabulary tokens, ConditionVocabulary conditions)
    {
        var path = Path.Combine(directory, VocabularyFile);
        if (!File.Exists(path))
        {
            return (id => id >= 0 && id < tokens.Count ? id : throw new FormatException($"token id {id} is outside the model's {tokens.Count} tokens"), conditions);
        }

        var vocabulary = Read<VocabularyDocument>(File.ReadAllText(path), VocabularyFile);
        var map = (vocabulary.Tokens ?? []).Select(text => tokens.TryIdOf(text, out var id) ? id : -1).ToArray();
        var corpusConditions = conditions;
        if (vocabulary.Conditions is { } lists && !ConditionVocabulary.TryCreate(lists, out corpusConditions, out var problems))
        {
            throw new FormatException($"{VocabularyFile}: {string.Join("; ", problems)}");
        }

        return (id => id >= 0 && id < map.Length && map[id] >= 0
            ? map[id]
            : throw new FormatException($"corpus token {id} ('{(id >= 0 && id < map.Length ? vocabulary.Tokens![id] : "?")}') is not in the model's vocabulary"), corpusConditions!);
    }

    private static HeldOutSequence Sequence(string text, Func<int, int> tokenId, ConditionVocabulary conditions, string where)
    {
        var document = Read<SequenceDocument>(text, where);
        if (document.Tokens is not { Count: > 1 } || document.Conditions is not { Count: > 0 } || document.Bars is null || document.Onsets is null)
        {
            throw new FormatException($"{where}: a sequence needs tokens, conditions, bars and onsets");
        }

        try
        {
            var bars = document.Conditions.Select(c => conditions.Decode(c.ToArray())).ToList();
            var tokens = document.Tokens.Select(tokenId).ToList();
            return new HeldOutSequence(document.Piece ?? where, bars, new TokenSequence(tokens, document.Bars, document.Onsets));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new FormatException($"{where}: {e.Message}", e);
        }
    }

    private static T Read<T>(string text, string where)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, Json) ?? throw new FormatException($"{where} is empty");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{where} is not valid JSON ({e.Message})", e);
        }
    }

    private sealed record VocabularyDocument(IReadOnlyList<string>? Tokens, ConditionLists? Conditions);

    private sealed record SequenceDocument(string? Piece, IReadOnlyList<IReadOnlyList<long>>? Conditions, IReadOnlyList<int>? Tokens, IReadOnlyList<long>? Bars, IReadOnlyList<long>? Onsets);

}

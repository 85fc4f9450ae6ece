using System.Text.Encodings.Web;
using System.Text.Json;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Corpus;

/// <summary>
/// Writes the corpus files: a JSON line per sequence for each split, the held-out test pieces, a summary, the plan
/// templates models ship (plans.json), and the vocabulary. vocab.json is written last and in one move, because training starts the moment it appears.
/// </summary>
public static class CorpusWriter
{
    public const string VocabularyFile = "vocab.json";

    public const string SummaryFile = "summary.json";

    public const string TestPiecesFile = "test-pieces.json";

    private static readonly JsonWriterOptions Lines = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true, NewLine = "\n" };

    public static string SplitFile(CorpusSplit split) => split switch
    {
        CorpusSplit.Train => "train.jsonl",
        CorpusSplit.Valid => "valid.jsonl",
        CorpusSplit.Test => "test.jsonl",
        _ => throw new ArgumentOutOfRangeException(nameof(split)),
    };

    public static void Write(TrainingCorpus corpus, string directory)
    {
        Directory.CreateDirectory(directory);
        var vocabularyPath = Path.Combine(directory, VocabularyFile);

        // A stale vocab.json would tell the trainer that half-written files are ready.
        File.Delete(vocabularyPath);
        var conditions = ConditionVocabulary.TryCreate(TrainingVocabulary.Conditions(), out var vocabulary, out var problems)
            ? vocabulary
            : throw new InvalidOperationException("The training conditions are broken: " + string.Join("; ", problems));
        foreach (var split in Enum.GetValues<CorpusSplit>())
        {
            WriteSequences(corpus.Sequences(split), conditions, Path.Combine(directory, SplitFile(split)));
        }

        WriteFile(Path.Combine(directory, TestPiecesFile), w => WriteTestPieces(w, corpus));
        WriteFile(Path.Combine(directory, SummaryFile), w => CorpusSummary.Write(w, corpus));
        PlanTemplateWriter.Write(corpus, Path.Combine(directory, PlanTemplates.FileName));
        var temporary = vocabularyPath + ".tmp";
        WriteFile(temporary, WriteVocabulary);
        File.Move(temporary, vocabularyPath, overwrite: true);
    }

    public static void WriteSequence(Utf8JsonWriter writer, CorpusSequence sequence, ConditionVocabulary conditions)
    {
        writer.WriteStartObject();
        writer.WriteString("piece", sequence.Piece);
        writer.WriteString("timeSignature", sequence.TimeSignature.ToString());
        writer.WriteStartArray("conditions");
        var indexes = new long[conditions.Features];
        foreach (var bar in sequence.Conditions)
        {
            conditions.Encode(bar, indexes);
            WriteNumbers(writer, null, indexes);
        }

        writer.WriteEndArray();
        WriteNumbers(writer, "tokens", sequence.Tokens.Tokens.Select(t => (long)t));
        WriteNumbers(writer, "bars", sequence.Tokens.Bars);
        WriteNumbers(writer, "onsets", sequence.Tokens.Onsets);
        writer.WriteEndObject();
    }

    private static void WriteSequences(IEnumerable<CorpusSequence> sequences, ConditionVocabulary conditions, string path)
    {
        using var stream = File.Create(path);
        foreach (var sequence in sequences)
        {
            using (var writer = new Utf8JsonWriter(stream, Lines))
            {
                WriteSequence(writer, sequence, conditions);
            }

            stream.WriteByte((byte)'\n');
        }
    }

    private static void WriteFile(string path, Action<Utf8JsonWriter> write)
    {
        using var stream = File.Create(path);
        using (var writer = new Utf8JsonWriter(stream, Indented))
        {
            write(writer);
        }

        stream.WriteByte((byte)'\n');
    }

    private static void WriteVocabulary(Utf8JsonWriter writer)
    {
        var lists = TrainingVocabulary.Conditions();
        writer.WriteStartObject();
        WriteStrings(writer, "tokens", TrainingVocabulary.Tokens());
        writer.WriteStartObject("conditions");
        WriteStrings(writer, "timeSignatures", lists.TimeSignatures);
        WriteStrings(writer, "phrasePositions", lists.PhrasePositions);
        WriteNumbers(writer, "valences", lists.Valences.Select(v => (long)v));
        WriteStrings(writer, "densities", lists.Densities);
        WriteStrings(writer, "modes", lists.Modes ?? []);
        writer.WriteEndObject();
        writer.WriteNumber("onsetResolution", TrainingVocabulary.OnsetResolution);
        writer.WriteNumber("maxOnset", TrainingVocabulary.MaxOnset);
        writer.WriteNumber("maxBars", TrainingVocabulary.MaxBars);
        writer.WriteStartObject("specialTokens");
        var tokens = TrainingVocabulary.Tokens().ToList();
        foreach (var special in new[] { "pad", "sos", "eos", "bar" })
        {
            writer.WriteNumber(special, tokens.IndexOf(special));
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The held-out pieces at home (C major / A minor), run by run, for the evaluation to measure against.</summary>
    private static void WriteTestPieces(Utf8JsonWriter writer, TrainingCorpus corpus)
    {
        writer.WriteStartArray();
        foreach (var piece in corpus.Pieces.Where(p => p.Split == CorpusSplit.Test))
        {
            foreach (var arrangement in piece.Arrangements)
            {
                foreach (var run in arrangement.Runs)
                {
                    writer.WriteStartObject();
                    writer.WriteString("piece", piece.Id);
                    writer.WriteString("timeSignature", arrangement.TimeSignature.ToString());
                    writer.WriteString("key", arrangement.Key.ToString());
                    writer.WriteString("sourceKey", arrangement.SourceKey.ToString());
                    writer.WriteStartArray("bars");
                    foreach (var bar in run)
                    {
                        WriteBar(writer, bar);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteBar(Utf8JsonWriter writer, Measure bar)
    {
        writer.WriteStartArray();
        foreach (var e in bar.Events)
        {
            writer.WriteStartObject();
            writer.WriteString("chord", e.Chord.ToString());
            if (e.Pitch is { } pitch)
            {
                writer.WriteNumber("pitch", pitch);
            }
            else
            {
                writer.WriteNull("pitch");
            }

            writer.WriteString("duration", e.Duration.ToString());
            if (e.Tied)
            {
                writer.WriteBoolean("tied", true);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteNumbers(Utf8JsonWriter writer, string? name, IEnumerable<long> values)
    {
        if (name is null)
        {
            writer.WriteStartArray();
        }
        else
        {
            writer.WriteStartArray(name);
        }

        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}

using System.Text.Json;
using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Evaluation;
using SithSynth.Domain.Music;
using SithSynth.Domain.Tests.Models;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Tests.Evaluation;

public class HeldOutCorpusTests
{
    private static readonly ConditionVocabulary Conditions = CreateConditions();
    private static readonly TokenVocabulary Tokens = CreateTokens();

    [Fact]
    public void Corpus_ids_are_read_through_its_own_vocabulary()
    {
        var folder = TestCards.NewRoot();

        // The corpus lists its tokens and valences in another order than the model does.
        File.WriteAllText(Path.Combine(folder, HeldOutCorpus.VocabularyFile), JsonSerializer.Serialize(new
        {
            tokens = new[] { "sos", "chord:C", "note:60", "dur:4", "bar", "eos" },
            conditions = new
            {
                timeSignatures = new[] { "3/4", "4/4" },
                phrasePositions = new[] { "start1", "start2", "-", "end1", "end2" },
                valences = new[] { 2, 1, 0, -1, -2 },
                densities = new[] { "low", "med", "high" },
            },
        }));
        File.WriteAllText(
            Path.Combine(folder, HeldOutCorpus.SequencesFile),
            """{"piece":"p","timeSignature":"4/4","conditions":[[1,4,0,2]],"tokens":[0,1,2,3,4,5],"bars":[0,0,0,0,0],"onsets":[0,0,0,48,0]}""" + "\n");

        var set = HeldOutCorpus.Load(folder, Tokens, Conditions);

        var sequence = Assert.Single(set.Sequences);
        Assert.Equal(new BarCondition(TimeSignature.Common, PhrasePosition.End2, 2, Density.High), Assert.Single(sequence.Conditions));
        Assert.Equal(new[] { "sos", "chord:C", "note:60", "dur:4", "bar", "eos" }, sequence.Tokens.Tokens.Select(id => Tokens[id].Text));
        Assert.Empty(set.Notes);
    }

    [Fact]
    public void A_token_the_model_lacks_is_named()
    {
        var folder = TestCards.NewRoot();
        File.WriteAllText(Path.Combine(folder, HeldOutCorpus.VocabularyFile), """{"tokens":["sos","chord:Caug"]}""");
        File.WriteAllText(Path.Combine(folder, HeldOutCorpus.SequencesFile), """{"piece":"p","conditions":[[0,0,0,0,0]],"tokens":[0,1],"bars":[0],"onsets":[0]}""");

        var error = Assert.Throws<FormatException>(() => HeldOutCorpus.Load(folder, Tokens, Conditions));
        Assert.Contains("chord:Caug", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decoding_condition_indexes_inverts_encoding()
    {
        var bar = new BarCondition(TimeSignature.Parse("6/8"), PhrasePosition.Start2, -1, Density.Low);
        var encoded = Conditions.Encode([bar]);

        Assert.Equal(bar, Conditions.Decode(encoded));
        Assert.Throws<ArgumentOutOfRangeException>(() => Conditions.Decode([99, 0, 0, 0, 0]));
    }

    private static ConditionVocabulary CreateConditions()
    {
        ConditionVocabulary.TryCreate(TrainingVocabulary.Conditions(), out var conditions, out _);
        return conditions!;
    }

    private static TokenVocabulary CreateTokens()
    {
        TokenVocabulary.TryCreate(TrainingVocabulary.Tokens(), out var tokens, out _);
        return tokens!;
    }
}

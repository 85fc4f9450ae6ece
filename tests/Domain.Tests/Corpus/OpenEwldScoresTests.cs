using SithSynth.Domain.Corpus;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Tests.Corpus;

/// <summary>Reads a few real OpenEWLD scores from the corpus in the repository (data/openewld).</summary>
public class OpenEwldScoresTests
{
    // The corpus is part of the repository, so its absence is a failure, not a skip.
    private static string ScoresFolder() => Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "data", "openewld", "scores"));

    [Fact]
    public void Three_real_scores_become_well_formed_sequences()
    {
        var scores = ScoresFolder();

        var files = Directory.EnumerateFiles(scores, "*.mxl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(3).ToList();
        var builder = new CorpusBuilder();
        foreach (var file in files)
        {
            builder.Add(CorpusBuilder.PieceId(scores, file), MxlReader.Read(file));
        }

        var corpus = builder.Build(7);
        Assert.Equal(3, builder.Tally.PiecesFound);
        Assert.NotEmpty(corpus.Pieces);
        var tokens = TrainingVocabulary.Tokens();
        foreach (var sequence in corpus.Pieces.SelectMany(p => p.Sequences))
        {
            Assert.InRange(sequence.Bars.Count, 8, 32);
            Assert.Equal(sequence.Bars.Count, sequence.Conditions.Count);
            Assert.Equal(sequence.Bars.Count, sequence.Tokens.Tokens.Count(t => tokens[t] == "bar"));
            Assert.Equal("eos", tokens[sequence.Tokens.Tokens[^1]]);
            Assert.All(sequence.Bars, bar => Assert.Equal(sequence.TimeSignature.BarLength, bar.Length));
            Assert.All(sequence.Bars.SelectMany(b => b.Events), e => Assert.True(e.Pitch is null or >= TrainingVocabulary.LowestPitch and <= TrainingVocabulary.HighestPitch));
        }
    }
}

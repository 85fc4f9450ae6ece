using SithSynth.Domain.Corpus;

namespace SithSynth.Domain.Tests.Corpus;

public class PlanTemplateWriterTests
{
    [Fact]
    public void Templates_are_the_train_windows_conditions_with_where_they_start()
    {
        var scores = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "data", "openewld", "scores"));
        var builder = new CorpusBuilder();
        foreach (var file in Directory.EnumerateFiles(scores, "*.mxl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(12))
        {
            builder.Add(CorpusBuilder.PieceId(scores, file), MxlReader.Read(file));
        }

        var corpus = builder.Build(7);
        var train = corpus.Pieces.Where(p => p.Split == CorpusSplit.Train).ToList();
        Assert.NotEmpty(train);

        var templates = PlanTemplateWriter.Collect(corpus).Templates;

        Assert.Equal(train.Sum(p => p.Sequences.Count), templates.Count);
        Assert.DoesNotContain(templates, t => corpus.Pieces.Single(p => p.Id == t.Piece).Split != CorpusSplit.Train);
        var windows = train.SelectMany(p => p.Sequences).ToList();
        for (var i = 0; i < windows.Count; i++)
        {
            Assert.Equal(windows[i].Conditions.Select(c => c.Valence), templates[i].Valence);
            Assert.Equal(windows[i].Conditions.Select(c => c.Density), templates[i].Density);
            Assert.Equal(windows[i].TimeSignature, templates[i].TimeSignature);
            // Windows start at phrase boundaries of a run.
            Assert.True(windows[i].Derived || templates[i].FirstBar is >= 1);
        }
    }
}

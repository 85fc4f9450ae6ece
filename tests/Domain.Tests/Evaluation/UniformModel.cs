using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Models;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Tests.Evaluation;

/// <summary>A model that scores every token the same, so any true token costs exactly ln(vocabulary size).</summary>
public sealed class UniformModel(float logit) : INextTokenModel
{
    private static readonly TokenVocabulary Vocabulary = CreateVocabulary();

    public string Name => "uniform";

    public TokenVocabulary Tokens => Vocabulary;

    public int OnsetResolution => TrainingVocabulary.OnsetResolution;

    public int MaxOnset => TrainingVocabulary.MaxOnset;

    public INextTokenSession Start(IReadOnlyList<BarCondition> bars) => new Session(Enumerable.Repeat(logit, Vocabulary.Count).ToArray());

    private static TokenVocabulary CreateVocabulary()
    {
        TokenVocabulary.TryCreate(TrainingVocabulary.Tokens(), out var vocabulary, out _);
        return vocabulary!;
    }

    private sealed class Session(float[] logits) : INextTokenSession
    {
        public ReadOnlySpan<float> Advance(int token, long bar, long onset) => logits;

        public void Dispose()
        {
        }
    }
}

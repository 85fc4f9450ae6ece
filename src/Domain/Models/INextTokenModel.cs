using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Models;

/// <summary>
/// A conditional next-token model: it reads a sheet's bar conditions once, then scores the next token one step at
/// a time. Implementations are shared across threads; each <see cref="Start"/> returns a session of its own.
/// </summary>
public interface INextTokenModel
{
    string Name { get; }

    TokenVocabulary Tokens { get; }

    int OnsetResolution { get; }

    int MaxOnset { get; }

    INextTokenSession Start(IReadOnlyList<BarCondition> bars);
}

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

    /// <summary>The training split's per-bar curves shipped beside the model (plans.json), or null when it has none.</summary>
    PlanTemplates? PlanTemplates => null;

    INextTokenSession Start(IReadOnlyList<BarCondition> bars);
}

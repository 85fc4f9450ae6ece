using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Music;
using SithSynth.Domain.Progressions;

namespace SithSynth.Domain.Generation;

/// <summary>One variation: the lead sheet in the requested key, what it was asked to be and what it measures as.</summary>
public sealed record GeneratedSheet(
    int Variation,
    ulong Seed,
    string Model,
    LeadSheet Sheet,
    IReadOnlyList<BarCondition> Plan,
    SheetAnalysis Analysis,
    int Steps,
    int Interventions,
    double MaskedProbability)
{
    /// <summary>For each bar, the earlier bar (0-based) the form restated in it, or null.</summary>
    public IReadOnlyList<int?> Restates { get; init; } = [];

    /// <summary>The training window the plan's curves came from; null when the model ships no templates or the request gave both curves.</summary>
    public TemplateChoice? Template { get; init; }

    /// <summary>Bar by bar, the chords the sheet sounds against the progression it was asked to follow; empty without one.</summary>
    public IReadOnlyList<FollowedBar> Progression { get; init; } = [];

    /// <summary>How many tokens the form restated instead of sampling.</summary>
    public int Forced { get; init; }
}

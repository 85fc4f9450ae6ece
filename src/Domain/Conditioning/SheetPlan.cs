namespace SithSynth.Domain.Conditioning;

/// <summary>The conditions of every bar, the bar each restated bar copies, and the template the curves came from (null when none was used).</summary>
public sealed record SheetPlan(IReadOnlyList<BarCondition> Bars, IReadOnlyList<int?> Restates, TemplateChoice? Template);

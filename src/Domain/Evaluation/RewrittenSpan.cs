using SithSynth.Domain.CoWriting;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Evaluation;

/// <summary>A sheet of the user-request grid with bars <see cref="Span"/> written again under a new seed.</summary>
public sealed record RewrittenSpan(LeadSheet Source, LeadSheet Rewritten, BarSpan Span)
{
    /// <summary>Whether every bar outside the span is the source's, chord and note for note.</summary>
    public bool KeptIntact =>
        Source.Measures.Count == Rewritten.Measures.Count
        && Enumerable.Range(1, Source.Measures.Count).All(bar => Span.Contains(bar) || SameBar(bar));

    /// <summary>Whether the new take differs from the source somewhere inside the span.</summary>
    public bool Changed =>
        Enumerable.Range(Span.First, Span.Count).Any(bar => !SameBar(bar));

    // Bars count from 1, as the span does.
    private bool SameBar(int bar) => Source.Measures[bar - 1].Events.SequenceEqual(Rewritten.Measures[bar - 1].Events);
}

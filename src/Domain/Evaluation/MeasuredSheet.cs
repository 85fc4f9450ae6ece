using SithSynth.Domain.Analysis;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// A sheet to be measured as a user gets it: in the key it was asked for (or, for a human piece, written in), with
/// the density each bar was asked for (or measured as), and the request it answers, so sheets of one request can
/// be compared with each other. Human sheets have no request.
/// </summary>
public sealed record MeasuredSheet(LeadSheet Sheet, Key Key, IReadOnlyList<Density> Densities, string? Request = null)
{
    /// <summary>The same music moved back to the model's home key (C major / A minor), where the training pieces stand.</summary>
    public LeadSheet Home => Sheet.TransposeTo(Key.Home, -Key.TranspositionFromHome);
}

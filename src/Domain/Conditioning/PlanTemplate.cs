using SithSynth.Domain.Analysis;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Conditioning;

/// <summary>
/// The per-bar valence and density of one training window, as the corpus measured them. <paramref name="FirstBar"/>
/// counts the piece's usable bars from 1; it is null for a window re-barred into another meter.
/// </summary>
public sealed record PlanTemplate(string Piece, int? FirstBar, TimeSignature TimeSignature, KeyMode Mode, IReadOnlyList<int> Valence, IReadOnlyList<Density> Density)
{
    public int Bars => Valence.Count;

    /// <summary>The valences of <paramref name="bars"/> bars, the window repeated from its start where it is shorter.</summary>
    public IEnumerable<int> ValencesFor(int bars) => Enumerable.Range(0, bars).Select(i => Valence[i % Bars]);

    public IEnumerable<Density> DensitiesFor(int bars) => Enumerable.Range(0, bars).Select(i => Density[i % Bars]);
}

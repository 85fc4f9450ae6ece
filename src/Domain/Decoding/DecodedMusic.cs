using SithSynth.Domain.Music;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// What one decoding pass wrote, in the models' home key, and how much the grammar had to step in:
/// <see cref="Interventions"/> counts steps where the model's favourite token was not allowed, and
/// <see cref="MaskedProbability"/> sums the probability the mask removed; <see cref="Forced"/> counts the tokens the
/// form restated instead of sampling. <see cref="Measures"/> are the events as the tokens give them, <see cref="Written"/>
/// as a sheet writes them.
/// </summary>
public sealed record DecodedMusic(IReadOnlyList<Measure> Measures, TokenSequence Tokens, int Interventions, double MaskedProbability)
{
    public int Forced { get; init; }

    /// <summary>The measures with rests back to back merged (<see cref="RestRun"/>), as the corpus reader reads the sheet back.</summary>
    public IReadOnlyList<Measure> Written => field ??= [.. Measures.Select(m => new Measure(RestRun.Merge(m.Events)))];
}

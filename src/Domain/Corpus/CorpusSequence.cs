using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Corpus;

/// <summary>
/// One training example: a window of bars from a piece, each bar's conditions as the service would ask for them,
/// and the tokens. <paramref name="Derived"/> marks a window re-barred into another meter.
/// </summary>
public sealed record CorpusSequence(string Piece, TimeSignature TimeSignature, bool Derived, IReadOnlyList<Measure> Bars, IReadOnlyList<BarCondition> Conditions, TokenSequence Tokens)
{
    /// <summary>Conditions come from the same analysis the service reports, so a request means what training meant.</summary>
    public static CorpusSequence Of(string piece, TimeSignature timeSignature, Key key, IReadOnlyList<Measure> bars, bool derived, LeadSheetTokenizer tokenizer)
    {
        var phrases = PhrasePlan.For(bars.Count);
        var conditions = bars.Select((bar, i) =>
        {
            var analysis = LeadSheetAnalyzer.AnalyzeBar(bar);
            return new BarCondition(timeSignature, phrases[i], analysis.Valence, analysis.Density);
        }).ToList();
        // Tempo is no part of the tokens; any value will do.
        var tokens = tokenizer.Encode(new LeadSheet(timeSignature, key, 120, bars));
        return new CorpusSequence(piece, timeSignature, derived, bars, conditions, tokens);
    }
}

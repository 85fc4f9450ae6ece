using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Corpus;

/// <summary>
/// One training example: a window of bars from a piece, each bar's conditions as the service would ask for them,
/// and the tokens. <paramref name="Derived"/> marks a window re-barred into another meter; <paramref name="EndsPiece"/>
/// one whose last bar is its piece's, the only windows whose last bars are final.
/// </summary>
public sealed record CorpusSequence(string Piece, TimeSignature TimeSignature, bool Derived, IReadOnlyList<Measure> Bars, IReadOnlyList<BarCondition> Conditions, TokenSequence Tokens)
{
    public bool EndsPiece { get; init; }

    /// <summary>Conditions come from the same analysis the service reports, so a request means what training meant.</summary>
    public static CorpusSequence Of(string piece, TimeSignature timeSignature, Key key, IReadOnlyList<Measure> bars, bool derived, bool endsPiece, LeadSheetTokenizer tokenizer)
    {
        var window = Untied(bars);
        var phrases = PhrasePlan.For(window.Count, endsPiece);
        var conditions = window.Select((bar, i) =>
        {
            var analysis = LeadSheetAnalyzer.AnalyzeBar(bar);
            return new BarCondition(timeSignature, phrases[i], analysis.Valence, analysis.Density, key.Mode);
        }).ToList();
        // Tempo is no part of the tokens; any value will do.
        var tokens = tokenizer.Encode(new LeadSheet(timeSignature, key, 120, window));
        return new CorpusSequence(piece, timeSignature, derived, window, conditions, tokens) { EndsPiece = endsPiece };
    }

    /// <summary>A window that begins inside a held note begins with that note: there is nothing before it to tie to.</summary>
    private static IReadOnlyList<Measure> Untied(IReadOnlyList<Measure> bars)
    {
        if (bars.Count == 0 || bars[0].Events.Count == 0 || !bars[0].Events[0].Tied)
        {
            return bars;
        }

        var first = new Measure([bars[0].Events[0] with { Tied = false }, .. bars[0].Events.Skip(1)]);
        return [first, .. bars.Skip(1)];
    }
}

using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// A share of major sheets opens on the tonic (C or Cmaj7 at home), as songs do: of the corpus's 479 major pieces
/// 69 % open on I, while the models, which learnt from windows that mostly start mid-piece, open on it in about 28 %
/// of sheets. Only where the first bar's planned valence is neutral or bright (within two bins of the tonic's +2): a
/// sad first bar opened on I would miss its valence by three or four bins. Within one bin only, the user-request grid
/// opened on the tonic in 35 % (lstm) and 37 % (Transformer) of sheets against the held-out songs' 45.5 %; within two,
/// 44 % and 45 %, the valence error 0.20 → 0.21 and 0.17 → 0.19 bins. Minor sheets always open on i
/// (<see cref="MinorPhraseRule"/>). A mask on the first chord only; the model chooses among the tonic chords and
/// writes everything after.
/// </summary>
public sealed class OpeningRule : ITokenRule
{
    /// <summary>The share of major sheets made to open on I: 0.55 of the rest lifts the models' 28 % to about the songs' 69 %.</summary>
    public const double Share = 0.55;

    private readonly HashSet<int> _tonics;
    private bool _opened;

    public OpeningRule(TokenVocabulary tokens, BarCondition first, bool engaged)
    {
        _tonics = HomeChords.Tonic(tokens, first.Mode);
        var tonicValence = ChordValence.Bin(ChordValence.Of(ChordKind.Major));
        Engaged = engaged && first.Mode == KeyMode.Major && _tonics.Count > 0 && Math.Abs(tonicValence - first.Valence) <= 2;
    }

    public bool Engaged { get; }

    public bool Allows(SheetCursor cursor, DecoderToken token) =>
        !Engaged || _opened || token.Kind != TokenKind.Chord || _tonics.Contains(token.Id);

    public void Observe(SheetCursor cursor, DecoderToken token) => _opened |= token.Kind == TokenKind.Chord;
}

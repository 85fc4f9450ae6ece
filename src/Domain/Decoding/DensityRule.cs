using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// Keeps each bar's notes in its planned density bin (<see cref="DensityNames.OfNoteCount"/>: a note is a pitch that
/// starts in the bar; a tie or a rest is none). Past the bin's most no new pitch is offered and the bar goes on with
/// ties and rests: conditioning alone let "low" and "med" bars overflow where the corpus is thin (12/8 "low" bars held
/// 3–6 notes). Short of its least, an event leaves each note still wanted a quarter of the room (an eighth where
/// quarters would not fit), so a "med" bar does not spend itself on one long note; on the user-request grid in-bin
/// rose in 3/4 from 86–89 % to 92–93 %, in 6/8 from 82–85 % to 87 %, in 2/2 from 78.5–82 % to 83 %. Keeping only the
/// shortest duration for each (an earlier try) crammed the notes into sixteenths at the bar's end (the Transformer's
/// sixteenths 7.5 → 15 %). Phrase-end bars and the last two are left no least, so they can breathe and end; nor is a
/// least that does not fit at eighth-note pace (5 notes in 2/4: kept, "high" 2/4 sheets were half sixteenths, where
/// the songs' 2/4 bars are "high" in 4 % of bars). A phrase's last bar (but the sheet's) takes no more than its bin's
/// fewest notes, so it breathes: its notes relative to other bars 0.85–0.88 → 0.72–0.75 (the held-out songs 0.80,
/// the rest of the corpus 0.66). The final bar's ending outranks the most, as every grammar mask does.
/// </summary>
public sealed class DensityRule : ITokenRule
{
    private static readonly Duration Quarter = new(1, 1);
    private static readonly Duration Eighth = new(1, 2);

    private readonly int[] _most;
    private readonly int[] _least;
    private readonly Duration _barLength;
    private int _notes;

    public DensityRule(IReadOnlyList<BarCondition> bars)
    {
        _most = [.. bars.Select((b, i) => b.Phrase == PhrasePosition.End2 && i < bars.Count - 1 ? Fewest(b.Density) : Most(b.Density))];
        _barLength = bars[0].TimeSignature.BarLength;
        _least = [.. bars.Select((b, i) => i == bars.Count - 1 || b.Phrase is PhrasePosition.End1 or PhrasePosition.End2 or PhrasePosition.Final1 or PhrasePosition.Final2 ? 0 : Least(b.Density, _barLength))];
    }

    public bool Allows(SheetCursor cursor, DecoderToken token)
    {
        if (cursor.CompletedBars >= _most.Length)
        {
            return true;
        }

        var bar = cursor.CompletedBars;
        return token.Kind switch
        {
            TokenKind.Note => token.Pitch is null || _notes < _most[bar],
            TokenKind.Duration => _notes >= _least[bar] || token.Duration <= Share(_barLength - cursor.Onset, _least[bar] - _notes),
            _ => true,
        };
    }

    public void Observe(SheetCursor cursor, DecoderToken token) =>
        _notes = token.Kind == TokenKind.Bar ? 0 : _notes + (token.Kind == TokenKind.Note && token.Pitch is not null ? 1 : 0);

    // The room left over once the notes still wanted after this event have a quarter each, or an eighth where
    // quarters would not all fit.
    private static Duration Share(Duration room, int wanted) =>
        room - ((Quarter * (wanted + 1) <= room ? Quarter : Eighth) * wanted);

    // The most and the fewest notes of a bin, read off the analysis's own thresholds so the two cannot disagree.
    private static int Most(Density density) =>
        Enumerable.Range(0, 64).Last(n => DensityNames.OfNoteCount(n) == density) is var most && most == 63 ? int.MaxValue : most;

    private static int FewestOf(Density density) => Enumerable.Range(0, 64).First(n => DensityNames.OfNoteCount(n) == density);

    // What a phrase's last bar may hold (one note for "low"), so it breathes.
    private static int Fewest(Density density) => Math.Max(1, FewestOf(density));

    // None where the least does not fit at eighth-note pace (5 notes in a 2/4 bar): kept there, "high" 2/4 sheets were
    // half sixteenths (the songs' 2/4 bars are "high" in 4 % of bars), the 2/4 rhythm distance 0.15–0.19 → 0.26–0.34.
    private static int Least(Density density, Duration barLength) => FewestOf(density) is var least && Eighth * least <= barLength ? least : 0;
}

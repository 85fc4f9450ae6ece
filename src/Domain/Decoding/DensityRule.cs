using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// Keeps each bar's notes under its planned density bin's most (<see cref="DensityNames.OfNoteCount"/>: a note is a
/// pitch that starts in the bar; a tie or a rest is none): past it no new pitch is offered and the bar goes on with
/// ties and rests (the final bar's ending, which needs its tonic note, outranks it). Conditioning alone let "low" and "med" bars overflow where the corpus is thin (12/8 "low" bars held
/// 3–6 notes: 42 % of 12/8 bars in their bin, 75 % of 6/8). Only the most is kept: also forcing the least (room left
/// for the notes still wanted) crammed notes into the bar's end, doubling the Transformer's sixteenths (7.5 → 15 %)
/// and pushing the 3/4 and 2/4 rhythm distances from 0.30 to 0.37–0.40.
/// </summary>
public sealed class DensityRule(IReadOnlyList<BarCondition> bars) : ITokenRule
{
    private readonly int[] _most = [.. bars.Select(b => Most(b.Density))];
    private int _notes;

    public bool Allows(SheetCursor cursor, DecoderToken token) =>
        token.Kind != TokenKind.Note || token.Pitch is null || cursor.CompletedBars >= _most.Length || _notes < _most[cursor.CompletedBars];

    public void Observe(SheetCursor cursor, DecoderToken token) =>
        _notes = token.Kind == TokenKind.Bar ? 0 : _notes + (token.Kind == TokenKind.Note && token.Pitch is not null ? 1 : 0);

    // The most notes of a bin, read off the analysis's own thresholds so the two cannot disagree (high has none).
    private static int Most(Density density) =>
        Enumerable.Range(0, 64).Last(n => DensityNames.OfNoteCount(n) == density) is var most && most == 63 ? int.MaxValue : most;
}

using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// The final bar resolves: its last event is a tonic chord (any kind of the card's vocabulary with the home tonic's
/// root and quality: C, Cmaj7 at home in major; Am, Am7, Am9 in minor) under a tonic melody note at least half a bar
/// long, or as long as the vocabulary allows in that bar, starting on a beat (so the tonic arrives where a chord may
/// change, see <see cref="HarmonicRhythmRule"/>). It is a mask on the final bar only: a duration that would
/// end the bar is offered only to a tonic event, and any other duration must leave room for one, so the bar can
/// always be finished in the same pass. Where a chord progression cuts the final bar (<see cref="ChordGrid"/>), the
/// ending lives after its last cut: the final note starts there or later, and no longer than the bar allows from there.
/// </summary>
public sealed class EndingRule
{
    private readonly TokenVocabulary _tokens;
    private readonly DurationFill _fill;
    private readonly int _tonic;
    private readonly HashSet<int> _tonicChords;
    private readonly HashSet<int> _tonicNotes;
    private readonly Duration[] _finalLengths;
    private readonly Duration _from;
    private DecoderToken? _chord;
    private DecoderToken? _note;

    /// <param name="from">Where the final bar's last harmony may begin: zero, or the last cut of a progression.</param>
    public EndingRule(TokenVocabulary tokens, DurationFill fill, TimeSignature timeSignature, KeyMode mode, Duration from = default)
    {
        ArgumentNullException.ThrowIfNull(timeSignature);
        _from = from;
        _tokens = tokens;
        _fill = fill;
        _tonic = mode == KeyMode.Major ? 0 : 9;
        _tonicChords = HomeChords.Tonic(tokens, mode);
        _tonicNotes = [.. tokens.NoteIds.Where(id => tokens[id].Pitch is { } p && p % 12 == _tonic)];
        var bar = timeSignature.BarLength;
        var half = new Duration(bar.Numerator, bar.Denominator * 2);
        var room = bar - from;
        var onBeat = fill.Durations.Where(d => d <= room && timeSignature.IsOnPulse(bar - d)).ToList();
        var candidates = onBeat.Count > 0 ? onBeat : [.. fill.Durations.Where(d => d <= room)];
        var longEnough = candidates.Where(d => d >= half).ToList();
        // Where no duration reaches half the bar, the longest one the bar holds is the final note's least length.
        _finalLengths = [.. longEnough.Count > 0 ? longEnough : candidates.Where(d => d == candidates.Max())];
        CanClose = _tonicChords.Count > 0 && _tonicNotes.Count > 0 && _finalLengths.Length > 0 && CanEnd(room);
    }

    /// <summary>
    /// False when the vocabulary cannot close a bar of this meter on the tonic after <c>from</c> (no tonic chord or
    /// note, or a progression's last beat group shorter than any note the bar could end on): the rule must not be used.
    /// </summary>
    public bool CanClose { get; }

    /// <summary>The least length of the final note in this meter.</summary>
    public Duration FinalLength => _finalLengths.Min();

    public bool IsTonicChord(int id) => _tonicChords.Contains(id);

    public bool IsTonicNote(int id) => _tonicNotes.Contains(id);

    /// <summary>Remembers the current event's chord and note.</summary>
    public void Observe(DecoderToken token)
    {
        switch (token.Kind)
        {
            case TokenKind.Chord:
                _chord = token;
                break;
            case TokenKind.Note:
                _note = token;
                break;
        }
    }

    /// <summary>Removes from <paramref name="allowed"/> what would keep the final bar from ending on the tonic.</summary>
    public void Restrict(SheetCursor cursor, List<int> allowed)
    {
        if (cursor.Onset < _from)
        {
            return;
        }

        var remaining = cursor.Remaining;
        switch (cursor.Next)
        {
            case Slot.Chord when !CanContinue(remaining):
                allowed.RemoveAll(id => !_tonicChords.Contains(id));
                break;
            case Slot.Note when !CanContinue(remaining):
                allowed.RemoveAll(id => !_tonicNotes.Contains(id));
                break;
            case Slot.Duration:
                var tonic = _chord is { } chord && _tonicChords.Contains(chord.Id) && _note is { } note && _tonicNotes.Contains(note.Id);
                allowed.RemoveAll(id =>
                {
                    var d = _tokens[id].Duration;
                    return d == remaining ? !(tonic && _finalLengths.Contains(d)) : !CanEnd(remaining - d);
                });
                break;
        }
    }

    // Whether what is left can still be filled and close with a tonic note of a final length.
    private bool CanEnd(Duration remaining) => _finalLengths.Any(f => f <= remaining && _fill.CanFill(remaining - f));

    // Whether an event that does not end the bar can come next.
    private bool CanContinue(Duration remaining) => _fill.Durations.Any(d => d < remaining && CanEnd(remaining - d));
}

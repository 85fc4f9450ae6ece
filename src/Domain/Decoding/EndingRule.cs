using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// The final bar resolves: its last event is a tonic chord (any kind of the card's vocabulary with the home tonic's
/// root and quality: C, Cmaj7 at home in major; Am, Am7, Am9 in minor) under a tonic melody note at least half a bar
/// long, or as long as the vocabulary allows in that bar, starting on a beat (so the tonic arrives where a chord may
/// change, see <see cref="HarmonicRhythmRule"/>). It is a mask on the final bar only: a duration that would
/// end the bar is offered only to a tonic event, and any other duration must leave room for one, so the bar can
/// always be finished in the same pass.
/// </summary>
public sealed class EndingRule
{
    private readonly TokenVocabulary _tokens;
    private readonly DurationFill _fill;
    private readonly int _tonic;
    private readonly HashSet<int> _tonicChords;
    private readonly HashSet<int> _tonicNotes;
    private readonly Duration[] _finalLengths;
    private DecoderToken? _chord;
    private DecoderToken? _note;

    public EndingRule(TokenVocabulary tokens, DurationFill fill, TimeSignature timeSignature, KeyMode mode)
    {
        _tokens = tokens;
        _fill = fill;
        _tonic = mode == KeyMode.Major ? 0 : 9;
        _tonicChords = HomeChords.Tonic(tokens, mode);
        _tonicNotes = [.. tokens.NoteIds.Where(id => tokens[id].Pitch is { } p && p % 12 == _tonic)];
        var bar = timeSignature.BarLength;
        var half = new Duration(bar.Numerator, bar.Denominator * 2);
        var onBeat = fill.Durations.Where(d => d <= bar && timeSignature.IsOnPulse(bar - d)).ToList();
        var candidates = onBeat.Count > 0 ? onBeat : [.. fill.Durations.Where(d => d <= bar)];
        var longEnough = candidates.Where(d => d >= half).ToList();
        // Where no duration reaches half the bar, the longest one the bar holds is the final note's least length.
        _finalLengths = [.. longEnough.Count > 0 ? longEnough : candidates.Where(d => d == candidates.Max())];
        if (_tonicChords.Count == 0 || _tonicNotes.Count == 0 || !CanEnd(bar))
        {
            throw new ArgumentException($"The vocabulary cannot end a bar of {timeSignature} on the tonic.", nameof(tokens));
        }
    }

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

using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// Chords change the way lead sheets change them: only on a beat of the meter (a quarter in 4/4, 3/4 and 2/4, a half
/// in 2/2, a dotted quarter in 6/8 and 12/8), at most <see cref="MaxChangesPerBar"/> times a bar, and at least once
/// every <see cref="MaxBarsOnOneChord"/> bars (lead sheets seldom rest longer on one chord), with the odds of holding a
/// chord past a whole bar lowered (<see cref="LongHoldStay"/>). Every event
/// carries a chord token, so off the beat the only chord offered is the one already sounding; a chord span is then
/// never shorter than a beat. A change the model wanted off the beat is not lost but carried to the next beat
/// (<see cref="CarryChange"/>), as a musician moves an early chord onto the beat; refused outright, the changes
/// would thin out and the harmony stall.
/// </summary>
public sealed class HarmonicRhythmRule(TimeSignature timeSignature) : ITokenRule
{
    private int? _chord;
    private int _changes;
    private double _pending;
    private int _wholeBarsFrom;

    // A wish to change is carried as at most this probability, so the chord sounding keeps a chance to stay.
    private const double MostCarried = 0.95;

    /// <summary>One change a beat, and never more than four a bar (12/8 has four beats, 4/4 four).</summary>
    public int MaxChangesPerBar { get; } = Math.Min(timeSignature.Pulses, 4);

    /// <summary>The most whole bars one chord may fill: on the next downbeat the harmony moves.</summary>
    public const int MaxBarsOnOneChord = 4;

    /// <summary>
    /// On a downbeat after a chord has filled a whole bar, the model's odds of holding it on are halved: the
    /// Transformer changed chord 0.85 times a bar and held one 3.0 bars at longest on average (songs: 1.09 and 2.4);
    /// halved, 0.94 and 2.7 (lstm 0.99 → 1.04, 2.7 → 2.4), valence error unchanged within 0.02 bins.
    /// </summary>
    public const double LongHoldStay = 0.5;

    /// <summary>
    /// False for a chord token that would change the harmony off the beat or once too often in the bar, or that
    /// would hold the sounding chord into a fifth whole bar.
    /// </summary>
    public bool Allows(SheetCursor cursor, DecoderToken token)
    {
        if (token.Kind != TokenKind.Chord || _chord is not { } current)
        {
            return true;
        }

        return token.Id == current
            ? !(cursor.Onset.IsZero && cursor.CompletedBars - _wholeBarsFrom >= MaxBarsOnOneChord)
            : timeSignature.IsOnPulse(cursor.Onset) && _changes < MaxChangesPerBar;
    }

    /// <summary>Follows the sheet: the sounding chord and this bar's changes (a new chord on the downbeat counts).</summary>
    public void Observe(SheetCursor cursor, DecoderToken token)
    {
        switch (token.Kind)
        {
            case TokenKind.Chord:
                if (_chord != token.Id)
                {
                    _changes += _chord is null ? 0 : 1;
                    // The first bar the new chord fills from its downbeat.
                    _wholeBarsFrom = cursor.CompletedBars + (cursor.Onset.IsZero ? 0 : 1);
                }

                _chord = token.Id;
                break;
            case TokenKind.Bar:
                _changes = 0;
                break;
        }
    }

    /// <summary>
    /// At a chord slot: off the beat, remembers how much the model wanted to change chord (its probability of any
    /// chord but the one sounding, compounded over the slots since the last beat); on the next beat where a change may come, raises the probability of changing to
    /// at least that, by one common factor on every other allowed chord, so their order is the model's. Returns the
    /// scores to sample from: <paramref name="logits"/> itself, or <paramref name="buffer"/> holding raised ones.
    /// </summary>
    public ReadOnlySpan<float> CarryChange(SheetCursor cursor, ReadOnlySpan<float> logits, IReadOnlyList<int> chordIds, List<int> allowed, double temperature, float[] buffer)
    {
        if (cursor.Next != Slot.Chord || _chord is not { } current)
        {
            return logits;
        }

        if (!timeSignature.IsOnPulse(cursor.Onset) || _changes >= MaxChangesPerBar)
        {
            // The model would have changed at any of these slots: the chance it never would is the product of its stays.
            _pending = 1 - ((1 - _pending) * (ChordStay.Probability(logits, chordIds, current, temperature) ?? 1));
            return logits;
        }

        var wanted = Math.Min(_pending, MostCarried);
        _pending = 0;
        if (cursor.Onset.IsZero && cursor.CompletedBars - _wholeBarsFrom >= 1)
        {
            logits.CopyTo(buffer);
            buffer[current] += (float)(temperature * Math.Log(LongHoldStay));
            logits = buffer;
        }

        var change = 1 - (ChordStay.Probability(logits, allowed, current, temperature) ?? 1);
        if (wanted <= change || change <= 0 || change >= 1)
        {
            return logits;
        }

        // Odds of changing raised from change/(1−change) to wanted/(1−wanted).
        var raise = (float)(temperature * Math.Log(wanted * (1 - change) / ((1 - wanted) * change)));
        logits.CopyTo(buffer);
        foreach (var id in allowed)
        {
            buffer[id] += id == current ? 0 : raise;
        }

        return buffer;
    }
}

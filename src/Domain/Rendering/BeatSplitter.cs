using SithSynth.Domain.Music;

namespace SithSynth.Domain.Rendering;

/// <summary>
/// Cuts a note or rest into the written values that show the meter's beats, tied where it is a note:
/// <list type="bullet">
/// <item>A rest never hides a beat: rests are cut at every beat, and only one that starts on the downbeat or the middle
/// of the bar covers several beats (a half rest on beat 1 or 3 in 4/4, never on beat 2).</item>
/// <item>A note that starts off the beat is tied at the next beat (a dotted eighth on the "and" becomes an eighth tied
/// to a sixteenth), except the plain syncopation of a beat-long note on the half beat (eighth, quarter, eighth) that
/// does not cross the middle of the bar.</item>
/// <item>A note on a beat keeps one value when it has one and does not cross the middle of the bar (a dotted quarter on
/// beat 1, never a half on beat 2 of 4/4); otherwise it takes whole beats and is tied at a beat.</item>
/// <item>In 6/8 and 12/8 notes take whole dotted-quarter beats, so a bar never reads like 3/4.</item>
/// <item>Triplets keep their values: a beat-crossing triplet quarter is how a triplet over two beats is written.</item>
/// </list>
/// </summary>
public static class BeatSplitter
{
    private static readonly Duration Sixteenth = new(1, 4);

    /// <summary>The written pieces, each with its onset in the bar, that together last <paramref name="length"/> from <paramref name="onset"/>.</summary>
    public static IReadOnlyList<(Duration Onset, NoteValue Value)> Split(TimeSignature meter, Duration onset, Duration length, bool isRest, long divisions)
    {
        ArgumentNullException.ThrowIfNull(meter);
        if (!IsMultiple(onset, Sixteenth) || !IsMultiple(length, Sixteenth))
        {
            return Place(onset, NoteValue.Split(length, divisions));
        }

        var pieces = new List<(Duration Onset, NoteValue Value)>();
        var remaining = length;
        while (remaining > Duration.Zero)
        {
            var take = isRest ? RestPiece(meter, onset, remaining, divisions) : NotePiece(meter, onset, remaining, divisions);
            pieces.AddRange(Place(onset, NoteValue.Split(take, divisions)));
            onset += take;
            remaining -= take;
        }

        return pieces;
    }

    private static Duration RestPiece(TimeSignature meter, Duration onset, Duration remaining, long divisions)
    {
        var beat = meter.PulseLength;
        if (!IsMultiple(onset, beat))
        {
            return Min(remaining, NextBeat(onset, beat) - onset);
        }

        var startsGroup = onset.IsZero || onset == Middle(meter);
        return remaining < beat ? remaining : startsGroup ? WholeBeats(meter, onset, remaining, mayCrossMiddle: false, divisions) : beat;
    }

    private static Duration NotePiece(TimeSignature meter, Duration onset, Duration remaining, long divisions)
    {
        var beat = meter.PulseLength;
        if (!IsMultiple(onset, beat))
        {
            var syncopation = !meter.IsCompound && remaining == beat && onset - Floor(onset, beat) == new Duration(beat.Numerator, beat.Denominator * 2)
                && !CrossesMiddle(meter, onset, remaining);
            return syncopation ? remaining : Min(remaining, NextBeat(onset, beat) - onset);
        }

        if (!meter.IsCompound && NoteValue.Split(remaining, divisions).Count == 1 && (onset.IsZero || !CrossesMiddle(meter, onset, remaining)))
        {
            return remaining;
        }

        return remaining < beat ? remaining : WholeBeats(meter, onset, remaining, mayCrossMiddle: onset.IsZero, divisions);
    }

    /// <summary>
    /// As many whole beats of <paramref name="remaining"/> as one value shows, without crossing the middle of the bar
    /// unless allowed (a note from the downbeat), so a tie always falls on a beat (12/8: dotted half + dotted quarter).
    /// </summary>
    private static Duration WholeBeats(TimeSignature meter, Duration onset, Duration remaining, bool mayCrossMiddle, long divisions)
    {
        var beat = meter.PulseLength;
        var span = Floor(remaining, beat);
        while (span > beat && ((!mayCrossMiddle && CrossesMiddle(meter, onset, span)) || NoteValue.Split(span, divisions).Count > 1))
        {
            span -= beat;
        }

        return span;
    }

    /// <summary>The middle of the bar where it is a strong beat (4/4, 12/8), else none.</summary>
    private static Duration? Middle(TimeSignature meter) => meter.Pulses >= 4 && meter.Pulses % 2 == 0
        ? new Duration(meter.BarLength.Numerator, meter.BarLength.Denominator * 2)
        : null;

    private static bool CrossesMiddle(TimeSignature meter, Duration onset, Duration length) =>
        Middle(meter) is { } middle && onset < middle && onset + length > middle;

    private static List<(Duration Onset, NoteValue Value)> Place(Duration onset, IReadOnlyList<NoteValue> values)
    {
        var placed = new List<(Duration Onset, NoteValue Value)>();
        foreach (var value in values)
        {
            placed.Add((onset, value));
            onset += value.Length;
        }

        return placed;
    }

    internal static bool IsMultiple(Duration length, Duration unit) =>
        length.Numerator * unit.Denominator % (length.Denominator * unit.Numerator) == 0;

    /// <summary>The largest multiple of <paramref name="unit"/> not above <paramref name="length"/>.</summary>
    internal static Duration Floor(Duration length, Duration unit) =>
        unit * (length.Numerator * unit.Denominator / (length.Denominator * unit.Numerator));

    private static Duration NextBeat(Duration onset, Duration beat) => Floor(onset, beat) + beat;

    private static Duration Min(Duration a, Duration b) => a < b ? a : b;
}

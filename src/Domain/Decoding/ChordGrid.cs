using SithSynth.Domain.Music;
using SithSynth.Domain.Progressions;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// Where a chord progression fixes the harmony, as the decoder needs it: the chord token each beat group must sound
/// (every event in the group carries it) and the cuts, the group edges where the harmony may change (a fixed chord
/// starts or ends there). An event must end at a cut so the next one can carry the new chord: a longer note is cut
/// there, and the model may tie its second part to the first (format-2 cards) or sound it again. Cuts fall on beats
/// and every group is a whole number of beats, so the bar grammar stays satisfiable: a duration is offered only when
/// the rest of the way to the next cut can still be filled (<see cref="DurationFill"/>).
/// </summary>
public sealed class ChordGrid
{
    private readonly int?[][] _chords;
    private readonly Duration[] _groupLengths;
    private readonly Duration[][] _cuts;
    private readonly Duration _barLength;

    /// <param name="bars">The progression at home, bar by bar; bars past its end are free.</param>
    public ChordGrid(IReadOnlyList<ProgressionBar> bars, TokenVocabulary tokens, TimeSignature meter, int sheetBars, DurationFill fill)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(fill);
        if (bars.Count > sheetBars)
        {
            throw new ArgumentException($"The progression has {bars.Count} bars, the sheet {sheetBars}.", nameof(bars));
        }

        _barLength = meter.BarLength;
        _chords = new int?[sheetBars][];
        _groupLengths = new Duration[sheetBars];
        _cuts = new Duration[sheetBars][];
        for (var b = 0; b < sheetBars; b++)
        {
            var bar = b < bars.Count ? bars[b] : ProgressionBar.Free;
            var length = bar.GroupLength(meter);
            if (!meter.IsOnPulse(length) || !fill.CanFill(length))
            {
                throw new ArgumentException($"Bar {b + 1} of the progression splits a bar of {meter} into {bar.Chords.Count} groups the beats or the durations cannot hold.", nameof(bars));
            }

            _groupLengths[b] = length;
            _chords[b] = [.. bar.Chords.Select(c => c is null ? (int?)null
                : tokens.TryIdOf(DecoderToken.ForChord(c), out var id) ? id
                : throw new ArgumentException($"The model has no chord '{c}' (bar {b + 1} of the progression).", nameof(bars)))];
            // Two free groups, or one chord twice, need no cut: the harmony is not made to change there.
            var chords = _chords[b];
            _cuts[b] = [.. Enumerable.Range(1, chords.Length - 1).Where(g => chords[g] != chords[g - 1]).Select(g => length * g)];
        }
    }

    /// <summary>True when the progression fixes any chord of bar <paramref name="bar"/> (0-based).</summary>
    public bool Fixes(int bar) => bar < _chords.Length && _chords[bar].Any(c => c is not null);

    /// <summary>The chord token an event starting at <paramref name="onset"/> must carry, or null where the model chooses.</summary>
    public int? ChordAt(int bar, Duration onset)
    {
        if (bar >= _chords.Length)
        {
            return null;
        }

        var group = (int)(onset.Numerator * _groupLengths[bar].Denominator / (onset.Denominator * _groupLengths[bar].Numerator));
        return _chords[bar][Math.Min(group, _chords[bar].Length - 1)];
    }

    /// <summary>Where the event starting at <paramref name="onset"/> must end at the latest: the next cut, or the bar's end.</summary>
    public Duration NextCut(int bar, Duration onset)
    {
        if (bar < _cuts.Length)
        {
            foreach (var cut in _cuts[bar])
            {
                if (cut > onset)
                {
                    return cut;
                }
            }
        }

        return _barLength;
    }

    /// <summary>The last cut of a bar (zero when it has none): from there to the bar's end one harmony may hold.</summary>
    public Duration LastCut(int bar) => bar < _cuts.Length && _cuts[bar].Length > 0 ? _cuts[bar][^1] : Duration.Zero;
}

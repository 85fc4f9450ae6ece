using SithSynth.Domain.CoWriting;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// Leans new bars toward the kept bars they meet (<see cref="KeptBars"/>: a span written again, or a primer continued),
/// so the melody joins them rather than leaping in or out: the first note sung after kept material, and every note of
/// a written bar right before a kept one, are weighted <see cref="FarWeight"/> where they lie more than a fifth from
/// the kept note they meet. Every pitch stays possible and the model's order among the rest is kept. Without it, the
/// regenerated spans of the evaluation leapt more than a fifth at 16.4 % (lstm) and 8.9 % (Transformer) of their
/// joins, where the held-out songs do at 3.7 % of the same bars' joins.
/// </summary>
public sealed class JoinGuidance
{
    /// <summary>See the measured figures in models/README.md ("regenerated spans: joins … that leap more than a fifth").</summary>
    public const double FarWeight = 0.15;

    /// <summary>A perfect fifth: a join wider than that is a leap a listener hears as a break.</summary>
    public const int Reach = 7;

    private readonly KeptForcing _keeping;
    private readonly IReadOnlyList<int?> _nextKeptPitch;
    private readonly IReadOnlyDictionary<int, int> _idOfPitch;
    private int? _previous;
    private bool _previousKept;

    public JoinGuidance(TokenVocabulary tokens, KeptForcing keeping, KeptBars? kept, int bars)
    {
        _keeping = keeping;
        _idOfPitch = tokens.IdOfPitch;
        _nextKeptPitch = [.. Enumerable.Range(0, bars).Select(b => kept is not null && b + 1 < bars && keeping.Writes(b) && !keeping.Writes(b + 1)
            ? FirstSungFrom(kept.Kept, b + 1)
            : null)];
    }

    /// <summary>Follows the sheet: the last pitch sung, and whether a kept bar sang it.</summary>
    public void Observe(SheetCursor cursor, DecoderToken token)
    {
        if (token.Kind == TokenKind.Note && token.Pitch is { } pitch)
        {
            _previous = pitch;
            _previousKept = !_keeping.Writes(cursor.CompletedBars);
        }
    }

    /// <summary>
    /// At a note slot of a written bar that meets kept material, the scores with the join's weight added (scaled by
    /// the temperature, like <see cref="MelodyGuidance"/>) in <paramref name="buffer"/>; elsewhere <paramref name="logits"/> itself.
    /// </summary>
    public ReadOnlySpan<float> Apply(SheetCursor cursor, ReadOnlySpan<float> logits, double temperature, float[] buffer)
    {
        var bar = cursor.CompletedBars;
        if (cursor.Next != Slot.Note || !_keeping.Writes(bar))
        {
            return logits;
        }

        var from = _previousKept ? _previous : null;
        var to = bar < _nextKeptPitch.Count ? _nextKeptPitch[bar] : null;
        if (from is null && to is null)
        {
            return logits;
        }

        logits.CopyTo(buffer);
        var far = (float)(temperature * Math.Log(FarWeight));
        foreach (var (p, id) in _idOfPitch)
        {
            if ((from is { } f && Math.Abs(p - f) > Reach) || (to is { } t && Math.Abs(p - t) > Reach))
            {
                buffer[id] += far;
            }
        }

        return buffer;
    }

    // The first pitch the kept bars from bar `from` on sing, before the next written bar.
    private static int? FirstSungFrom(IReadOnlyList<Measure?> kept, int from)
    {
        for (var b = from; b < kept.Count && kept[b] is { } measure; b++)
        {
            if (measure.Events.FirstOrDefault(e => e.Pitch is not null) is { Pitch: { } pitch })
            {
                return pitch;
            }
        }

        return null;
    }
}

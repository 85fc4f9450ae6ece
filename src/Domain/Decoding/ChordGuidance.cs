using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// Leans the model's choice of chord toward the request, as a weight on each chord's probability wherever a chord may
/// be chosen: a chord whose valence (<see cref="ChordValence"/>) lies k bins from its bar's planned valence is
/// weighted e^(−<see cref="ValencePull"/>·k), and one rooted outside the home key's scale (<see cref="KeyScale"/>) by
/// <see cref="OutOfKeyWeight"/>. Conditioning alone left valence 0.27–0.38 bins off, and to sound happy the models
/// reached for major triads on borrowed roots (E♭, A♭, E in C) twice to four times as often as the songs do.
/// Which chord comes is leaned on, not whether one comes: the odds of keeping the sounding chord are put back as
/// the model had them, so the harmonic rhythm stays the model's (leaned on too, it fell from 1.06 to 0.87 changes a
/// bar). Weights rather than masks: every chord stays possible, and the model's order among alike chords is kept.
/// </summary>
public sealed class ChordGuidance
{
    /// <summary>Per bin of valence distance, e^−0.7 ≈ 0.5: on the user-request grid valence MAE 0.27–0.38 → 0.16–0.25 bins (lstm).</summary>
    public const double ValencePull = 0.7;

    /// <summary>Out-of-key roots 10.5 % → 4 % of chord spans (lstm; the songs: 7.7 %).</summary>
    public const double OutOfKeyWeight = 0.4;

    private readonly IReadOnlyList<int> _chordIds;
    private readonly IReadOnlyList<BarCondition> _bars;

    // Per planned valence −2..+2 (index + 2), the log weight of each chord, in the order of _chordIds.
    private readonly float[][] _weights;

    public ChordGuidance(TokenVocabulary tokens, IReadOnlyList<BarCondition> bars)
    {
        _chordIds = tokens.ChordIds;
        _bars = bars;
        var home = Key.HomeOf(bars[^1].Mode);
        _weights = [.. Enumerable.Range(-2, 5).Select(valence => _chordIds.Select(id => LogWeight(tokens[id].Chord!, valence, home)).ToArray())];
    }

    /// <summary>
    /// At a chord slot, the scores with the weights added (scaled by the temperature, so a weight is the same factor on
    /// the probability at any temperature) in <paramref name="buffer"/>; elsewhere <paramref name="logits"/> itself.
    /// <paramref name="sounding"/> is the chord token sounding, null before the first.
    /// </summary>
    public ReadOnlySpan<float> Apply(SheetCursor cursor, ReadOnlySpan<float> logits, double temperature, float[] buffer, int? sounding)
    {
        if (cursor.Next != Slot.Chord)
        {
            return logits;
        }

        var planned = Math.Clamp(_bars[Math.Min(cursor.CompletedBars, _bars.Count - 1)].Valence, -2, 2);
        var weights = _weights[planned + 2];
        var before = sounding is { } held ? ChordStay.Probability(logits, _chordIds, held, temperature) : null;
        logits.CopyTo(buffer);
        for (var i = 0; i < _chordIds.Count; i++)
        {
            buffer[_chordIds[i]] += (float)(weights[i] * temperature);
        }

        if (before is { } b && b is > 0 and < 1 && ChordStay.Probability(buffer, _chordIds, sounding!.Value, temperature) is { } after && after is > 0 and < 1)
        {
            // Odds of staying moved back from after/(1−after) to b/(1−b).
            buffer[sounding.Value] += (float)(temperature * Math.Log(b * (1 - after) / ((1 - b) * after)));
        }

        return buffer;
    }

    private static float LogWeight(ChordSymbol chord, int valence, Key home)
    {
        var distance = Math.Abs(ChordValence.Bin(ChordValence.Of(chord.Kind)) - valence);
        var outside = !chord.IsNoChord && !KeyScale.Contains(home, chord.Root);
        return (float)((-ValencePull * distance) + (outside ? Math.Log(OutOfKeyWeight) : 0));
    }
}

using SithSynth.Domain.Music;

namespace SithSynth.Domain.Corpus;

/// <summary>
/// A run of whole bars in one meter and key, as written in the score. Silence between notes is rest; the chord at
/// onset zero is whatever sounded when the segment began.
/// </summary>
public sealed record ScoreSegment(TimeSignature TimeSignature, Key Key, int Bars, IReadOnlyList<ScoreNote> Notes, IReadOnlyList<ChordChange> Chords)
{
    public Duration Length => TimeSignature.BarLength * Bars;

    /// <summary>The chord sounding at <paramref name="onset"/>.</summary>
    public ChordSymbol ChordAt(Duration onset)
    {
        var chord = ChordSymbol.NoChord;
        foreach (var change in Chords)
        {
            if (change.Onset > onset)
            {
                break;
            }

            chord = change.Chord;
        }

        return chord;
    }
}

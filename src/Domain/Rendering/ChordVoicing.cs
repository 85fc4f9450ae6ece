using SithSynth.Domain.Music;

namespace SithSynth.Domain.Rendering;

/// <summary>How the accompaniment plays a chord symbol: close position around middle C, a slash bass just below.</summary>
public static class ChordVoicing
{
    // Roots run from G2 to F#3, a left hand's range: on the chord staff's bass clef a triad needs at most one ledger
    // line and a seventh chord two (round middle C they needed up to four), and the chords sound under the melody.
    private const int LowestRoot = 43;

    /// <summary>The MIDI pitches of the chord, lowest first; none for N.C.</summary>
    public static IReadOnlyList<int> Pitches(ChordSymbol chord)
    {
        ArgumentNullException.ThrowIfNull(chord);
        if (chord.IsNoChord)
        {
            return [];
        }

        var root = LowestRoot + PitchClass.Of(chord.Root - LowestRoot);
        var pitches = ChordKindNames.Intervals(chord.Kind).Select(interval => root + interval).ToList();
        if (chord.Bass is { } bass)
        {
            // The slash bass is the nearest pitch of its class below the root, within the octave under the chord.
            pitches.Insert(0, root - 12 + PitchClass.Of(bass - root));
        }

        return pitches;
    }
}

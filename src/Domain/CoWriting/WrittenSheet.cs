using SithSynth.Domain.Music;

namespace SithSynth.Domain.CoWriting;

/// <summary>
/// A lead sheet read from MusicXML the way the model would write it: its meter, its key, and its bars moved to the
/// model's home key (C major or A minor), every event one of the model's tokens. <see cref="OctaveShift"/> is the octave
/// move (in semitones) that put the melody inside the model's range, 0 when none was needed.
/// </summary>
public sealed record WrittenSheet(TimeSignature TimeSignature, Key Key, IReadOnlyList<Measure> HomeMeasures, int OctaveShift)
{
    public int Bars => HomeMeasures.Count;
}

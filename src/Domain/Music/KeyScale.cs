namespace SithSynth.Domain.Music;

/// <summary>
/// The degrees a key's own chords stand on: the major scale, or in minor the natural minor with its raised seventh
/// (G♯ in A minor, the root of the leading-tone chord). A chord rooted elsewhere (E♭ or A♭ in C) is borrowed or
/// chromatic: lead sheets use them, but sparingly (about 7 % of chord spans in the OpenEWLD pieces).
/// </summary>
public static class KeyScale
{
    private static readonly int[] MajorDegrees = [0, 2, 4, 5, 7, 9, 11];
    private static readonly int[] MinorDegrees = [0, 2, 3, 5, 7, 8, 10, 11];

    public static bool Contains(Key key, int pitchClass) =>
        (key.Mode == KeyMode.Major ? MajorDegrees : MinorDegrees).Contains(PitchClass.Of(pitchClass - key.Tonic.PitchClass));
}

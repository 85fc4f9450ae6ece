using SithSynth.Domain.Music;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// One sounding note (or rest) of a melody as a listener hears it: tied events joined into one, so its length may
/// run across a barline. <see cref="Bar"/> and <see cref="Onset"/> place where it starts.
/// </summary>
public sealed record MelodyNote(int? Pitch, Duration Length, int Bar, Duration Onset)
{
    public bool IsRest => Pitch is null;
}

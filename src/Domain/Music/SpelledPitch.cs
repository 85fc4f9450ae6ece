namespace SithSynth.Domain.Music;

/// <summary>A pitch class written as a letter and an alteration (-2..+2), e.g. Bb = ('B', -1).</summary>
public readonly record struct SpelledPitch(char Step, int Alter)
{
    public int PitchClass => Music.PitchClass.Of(Music.PitchClass.OfStep(Step) + Alter);

    public override string ToString() => Step + (Alter >= 0 ? new string('#', Alter) : new string('b', -Alter));
}

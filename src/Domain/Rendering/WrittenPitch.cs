using SithSynth.Domain.Music;

namespace SithSynth.Domain.Rendering;

/// <summary>A sounding MIDI pitch written as a letter, an alteration and an octave, e.g. MIDI 60 as B#3 in C# major.</summary>
public readonly record struct WrittenPitch(char Step, int Alter, int Octave)
{
    public static WrittenPitch Of(int midiPitch, SpelledPitch spelling)
    {
        // The octave belongs to the letter, not to the sound: B#3 and C4 are both MIDI 60, Cb4 is MIDI 59.
        var letterPitch = midiPitch - spelling.Alter - PitchClass.OfStep(spelling.Step);
        if (PitchClass.Of(letterPitch) != 0)
        {
            throw new ArgumentException($"{spelling} does not spell MIDI pitch {midiPitch}.", nameof(spelling));
        }

        return new WrittenPitch(spelling.Step, spelling.Alter, (letterPitch / 12) - 1);
    }
}

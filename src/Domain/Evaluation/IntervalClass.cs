namespace SithSynth.Domain.Evaluation;

/// <summary>How far a melody moves from one sounding note to the next, in the classes a musician names.</summary>
public enum IntervalClass
{
    /// <summary>The same pitch struck again (a tied note is not a repeat).</summary>
    Repeat,

    /// <summary>1–2 semitones.</summary>
    Step,

    /// <summary>3–4 semitones.</summary>
    Third,

    /// <summary>5–7 semitones.</summary>
    FourthOrFifth,

    /// <summary>More than 7 semitones.</summary>
    Larger,
}

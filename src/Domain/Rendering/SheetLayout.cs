namespace SithSynth.Domain.Rendering;

/// <summary>How many staves a sheet is written on.</summary>
public enum SheetLayout
{
    /// <summary>The melody with chord symbols, and the chords written out for the left hand on a bass staff.</summary>
    Piano,

    /// <summary>A lead sheet proper: the melody with chord symbols on one staff.</summary>
    LeadSheet,
}

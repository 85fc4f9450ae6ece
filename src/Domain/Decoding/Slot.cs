namespace SithSynth.Domain.Decoding;

/// <summary>What the next token must be: the grammar of a lead-sheet token sequence.</summary>
public enum Slot
{
    Chord,
    Note,
    Duration,
    Bar,
    Eos,
    Done,
}

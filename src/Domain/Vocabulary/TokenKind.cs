namespace SithSynth.Domain.Vocabulary;

public enum TokenKind
{
    Pad,
    Sos,
    Eos,
    Bar,
    Chord,
    Note,
    Duration,
}

namespace SithSynth.Domain.Vocabulary;

/// <summary>What a decoder token is. <see cref="Tie"/> fills a note slot: the previous melody note, held on.</summary>
public enum TokenKind
{
    Pad,
    Sos,
    Eos,
    Bar,
    Chord,
    Note,
    Duration,
    Tie,
}

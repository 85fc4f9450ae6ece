namespace SithSynth.Domain.Music;

/// <summary>
/// The chord qualities the models speak: the eight of the original paper's valence table, plus "no chord".
/// Richer corpus chords are folded onto these (see <see cref="ChordSymbol.Normalize"/>).
/// </summary>
public enum ChordKind
{
    NoChord,
    Major,
    Minor,
    Dominant7,
    Major7,
    Minor7,
    Diminished,
    Dominant9,
    Minor9,
}

using SithSynth.Domain.Music;

namespace SithSynth.Domain.Corpus;

/// <summary>A chord symbol and where it begins in its segment; it sounds until the next change.</summary>
public sealed record ChordChange(Duration Onset, ChordSymbol Chord);

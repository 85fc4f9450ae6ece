namespace SithSynth.Pipeline.Contract;

/// <summary>The three downloads of one variation.</summary>
public sealed record VariationFiles(FileLink Midi, FileLink MusicXml, FileLink Report);

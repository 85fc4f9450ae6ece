namespace SithSynth.Pipeline.Artifacts;

/// <summary>What an artifact holds; the kind decides its file name, content type and download name.</summary>
public enum ArtifactKind
{
    /// <summary>leadsheet.mid: melody and chords as a Standard MIDI File.</summary>
    Midi,

    /// <summary>leadsheet.musicxml: the notated lead sheet.</summary>
    MusicXml,

    /// <summary>leadsheet.json: what was asked, the seed, the plan and what the sheet measures as.</summary>
    Report,

    /// <summary>score.json: the decoded sheet, handed from inference to the two render activities.</summary>
    Score,

    /// <summary>generation.json: the finished generation's result, so artifacts describe themselves after history is purged.</summary>
    Manifest,
}

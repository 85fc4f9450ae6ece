namespace SithSynth.Pipeline.Admission;

/// <summary>What the engine says of a held generation: still running, finished, or unknown (not scheduled, or not yet visible).</summary>
public enum HeldState
{
    Running,
    Finished,
    Unknown,
}

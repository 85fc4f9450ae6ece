namespace SithSynth.Pipeline.Orchestration;

/// <summary>The stages a generation goes through, as the status endpoint names them.</summary>
public static class PipelineStage
{
    public const string Queued = "queued";
    public const string Validating = "validating";
    public const string Generating = "generating";
    public const string Rendering = "rendering";
    public const string Storing = "storing";
    public const string Done = "done";
    public const string Failed = "failed";
}

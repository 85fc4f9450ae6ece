using Microsoft.DurableTask.Client;

namespace SithSynth.Pipeline.Contract;

/// <summary>The API's five states, mapped from the orchestration's runtime status.</summary>
public static class GenerationStatus
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Canceled = "canceled";

    public static string Of(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Pending => Pending,
        OrchestrationRuntimeStatus.Completed => Completed,
        OrchestrationRuntimeStatus.Failed => Failed,
        OrchestrationRuntimeStatus.Terminated => Canceled,
#pragma warning disable CS0618 // Canceled is obsolete in the SDK but an old backend may still report it.
        OrchestrationRuntimeStatus.Canceled => Canceled,
#pragma warning restore CS0618
        _ => Running,
    };

    public static bool IsFinished(string status) => status is Completed or Failed or Canceled;
}

using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SithSynth.Domain.Requests;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Functions;

/// <summary>
/// The pipeline's activities as functions, under exactly the <see cref="PipelineTasks"/> names the orchestrator calls.
/// Each delegates to the Pipeline's activity (singletons over the shared model catalogue and artifact store) and logs
/// how long it took, scoped with the generation id.
/// </summary>
public sealed partial class ActivityFunctions(
    ValidateRequestActivity validate,
    WriteSheetActivity write,
    RenderMidiActivity renderMidi,
    RenderMusicXmlActivity renderMusicXml,
    RecordGenerationActivity record,
    IArtifactStore store,
    ILogger<ActivityFunctions> logger)
{
    private readonly DiscardGenerationActivity _discard = new(store);

    /// <summary>The orchestration instance an activity works for, as the Durable extension passes it in the trigger's binding data.</summary>
    public const string InstanceIdBindingData = "instanceId";

    [Function(PipelineTasks.ValidateRequest)]
    public Task<ValidationOutcome> ValidateRequestAsync([ActivityTrigger] GenerationRequest input, FunctionContext context) =>
        RunAsync(context, PipelineTasks.ValidateRequest, InstanceId(context), () => validate.ExecuteAsync(input));

    [Function(PipelineTasks.WriteSheet)]
    public Task<WrittenSheet> WriteSheetAsync([ActivityTrigger] VariationWork input, FunctionContext context) =>
        RunAsync(context, PipelineTasks.WriteSheet, input?.GenerationId ?? InstanceId(context), () => write.ExecuteAsync(input!));

    [Function(PipelineTasks.RenderMidi)]
    public Task<string> RenderMidiAsync([ActivityTrigger] RenderWork input, FunctionContext context) =>
        RunAsync(context, PipelineTasks.RenderMidi, InstanceId(context), () => renderMidi.ExecuteAsync(input));

    [Function(PipelineTasks.RenderMusicXml)]
    public Task<string> RenderMusicXmlAsync([ActivityTrigger] RenderWork input, FunctionContext context) =>
        RunAsync(context, PipelineTasks.RenderMusicXml, InstanceId(context), () => renderMusicXml.ExecuteAsync(input));

    [Function(PipelineTasks.RecordGeneration)]
    public Task<string> RecordGenerationAsync([ActivityTrigger] RecordWork input, FunctionContext context) =>
        RunAsync(context, PipelineTasks.RecordGeneration, input?.GenerationId ?? InstanceId(context), () => record.ExecuteAsync(input!));

    [Function(PipelineTasks.DiscardGeneration)]
    public Task<int> DiscardGenerationAsync([ActivityTrigger] string input, FunctionContext context) =>
        RunAsync(context, PipelineTasks.DiscardGeneration, input ?? InstanceId(context), () => _discard.ExecuteAsync(input!));

    private static string? InstanceId(FunctionContext context) =>
        context.BindingContext.BindingData.TryGetValue(InstanceIdBindingData, out var id) ? id?.ToString() : null;

    private async Task<T> RunAsync<T>(FunctionContext context, string activity, string? generationId, Func<Task<T>> work)
    {
        using var scope = LogScope.Begin(logger, context, generationId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await work();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Log.Finished(logger, activity, elapsed);
            return result;
        }
        catch (Exception e)
        {
            // Logged here for the timing and the scope; the Durable extension still gets the exception unchanged.
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Log.Failed(logger, activity, elapsed, e);
            throw;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "{Activity} finished in {ElapsedMilliseconds} ms")]
        public static partial void Finished(ILogger logger, string activity, double elapsedMilliseconds);

        [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "{Activity} failed after {ElapsedMilliseconds} ms")]
        public static partial void Failed(ILogger logger, string activity, double elapsedMilliseconds, Exception exception);
    }
}

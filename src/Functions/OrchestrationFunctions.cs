using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Functions;

/// <summary>
/// The generation orchestration as a function named <see cref="PipelineTasks.Generation"/>, the name clients schedule.
/// It runs the Pipeline's <see cref="GenerationOrchestrator"/> unchanged (the class-based <c>[DurableTask]</c> source
/// generator is not available here). Logging goes through the replay-safe logger, so each stage timing is written once,
/// not on every replay.
/// </summary>
public sealed partial class OrchestrationFunctions(RetrySettings retry)
{
    [Function(PipelineTasks.Generation)]
    public async Task<GenerationResult> GenerationAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<GenerationInput>()
            ?? throw new InvalidOperationException($"The {PipelineTasks.Generation} orchestration needs a {nameof(GenerationInput)}.");
        var logger = context.CreateReplaySafeLogger<OrchestrationFunctions>();
        using var scope = LogScope.Begin(logger, context.GetFunctionContext(), context.InstanceId);
        try
        {
            var result = await new GenerationOrchestrator(retry).RunAsync(context, input);
            foreach (var timing in result.Timings)
            {
                Log.Stage(logger, timing.Stage, timing.Milliseconds);
            }

            var total = result.Timings.Sum(t => t.Milliseconds);
            Log.Completed(logger, result.Variations.Count, total);
            return result;
        }
        catch (GenerationFailedException e)
        {
            Log.Failed(logger, e.Failure.Stage, e.Failure.ErrorType, e.Failure.Message);
            throw;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Stage {Stage} took {StageMilliseconds} ms")]
        public static partial void Stage(ILogger logger, string stage, double stageMilliseconds);

        [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Generation completed: {Variations} variations in {TotalMilliseconds} ms")]
        public static partial void Completed(ILogger logger, int variations, double totalMilliseconds);

        [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Generation failed at {Stage}: {ErrorType}: {ErrorMessage}")]
        public static partial void Failed(ILogger logger, string stage, string errorType, string errorMessage);
    }
}

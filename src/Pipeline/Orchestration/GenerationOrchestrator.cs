using Microsoft.DurableTask;

namespace SithSynth.Pipeline.Orchestration;

/// <summary>
/// One generation: validate → write every variation at once (inference) → render MIDI and MusicXML for each, in
/// parallel → store the manifest → return blob names. Only names and small summaries pass through the history; the
/// custom status tells the stage, a sentence and a progress figure, with the timing of every finished stage. A
/// generation that fails deletes what it had stored (<see cref="PipelineTasks.DiscardGeneration"/>) before it ends.
/// Deterministic by construction: time comes from <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>, the seed
/// from the validation activity, and nothing here touches I/O.
/// </summary>
public sealed class GenerationOrchestrator(RetrySettings retry) : TaskOrchestrator<GenerationInput, GenerationResult>
{
    /// <summary>The error type reported when the request itself is refused at the validation stage.</summary>
    public const string InvalidRequestError = "InvalidRequest";

    // Where each stage's share of the progress figure starts; generation dominates, rendering is quick.
    private const double GeneratingFrom = 0.05;
    private const double RenderingFrom = 0.65;
    private const double StoringFrom = 0.95;

    public override async Task<GenerationResult> RunAsync(TaskOrchestrationContext context, GenerationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var run = new Run(context, retry.ToTaskOptions());
        try
        {
            return await run.ExecuteAsync(input);
        }
        catch (GenerationFailedException e)
        {
            await run.DiscardAsync();

            // The status endpoint reads the failure from here as data, beside the orchestration's own failure details.
            context.SetCustomStatus(new GenerationProgress(PipelineStage.Failed, e.Message, run.Progress, run.Timings, e.Failure));
            throw;
        }
    }

    private sealed class Run(TaskOrchestrationContext context, TaskOptions options)
    {
        private readonly List<StageTiming> _timings = [];

        public IReadOnlyList<StageTiming> Timings => [.. _timings];

        public double Progress { get; private set; }

        // Set once an activity may have stored something under the generation's id.
        private bool _stored;

        /// <summary>
        /// Deletes whatever the failed generation stored, once no activity of it is still running. A cleanup that fails
        /// does not hide the failure it cleans up after; the leftover sweep deletes the files later.
        /// </summary>
        public async Task DiscardAsync()
        {
            if (!_stored)
            {
                return;
            }

            try
            {
                await context.CallActivityAsync<int>(PipelineTasks.DiscardGeneration, context.InstanceId, options);
            }
            catch (TaskFailedException)
            {
                // Left to the sweep.
            }
        }

        public async Task<GenerationResult> ExecuteAsync(GenerationInput input)
        {
            var id = context.InstanceId;

            var started = Begin(PipelineStage.Validating, "validating the request", 0);
            var validation = await CallAsync<ValidationOutcome>(PipelineTasks.ValidateRequest, input.Request, PipelineStage.Validating, null);
            End(PipelineStage.Validating, started);
            if (validation.Settled is not { } settled)
            {
                var problems = string.Join(" ", validation.Problems.Select(p => $"{p.Field}: {p.Message}"));
                throw new GenerationFailedException(new GenerationFailure(PipelineStage.Validating, null, InvalidRequestError, problems));
            }

            var count = settled.Variations ?? 1;
            _stored = true;
            started = Begin(PipelineStage.Generating, GeneratingDetail(0, count), GeneratingFrom);
            var writing = Enumerable.Range(0, count)
                .Select(i => CallAsync<WrittenSheet>(PipelineTasks.WriteSheet, new VariationWork(id, settled, i), PipelineStage.Generating, i + 1))
                .ToList();
            var sheets = await AllAsync(writing, done => Report(
                PipelineStage.Generating, GeneratingDetail(done, count), Between(GeneratingFrom, RenderingFrom, done, count)));
            End(PipelineStage.Generating, started);

            var ordered = sheets.OrderBy(s => s.Variation).ToList();
            var fileCount = 2 * count;
            started = Begin(PipelineStage.Rendering, $"rendering MIDI and MusicXML: 0 of {fileCount} files", RenderingFrom);
            var rendering = ordered
                .SelectMany(s => new[]
                {
                    CallAsync<string>(PipelineTasks.RenderMidi, new RenderWork(s.Score), PipelineStage.Rendering, s.Variation),
                    CallAsync<string>(PipelineTasks.RenderMusicXml, new RenderWork(s.Score, settled.Layout), PipelineStage.Rendering, s.Variation),
                })
                .ToList();
            var files = await AllAsync(rendering, done => Report(
                PipelineStage.Rendering, $"rendering MIDI and MusicXML: {done} of {fileCount} files", Between(RenderingFrom, StoringFrom, done, fileCount)));
            End(PipelineStage.Rendering, started);

            var variations = ordered
                .Select((s, i) => new VariationResult(s.Variation, s.Seed, s.Analysis, files[2 * i], files[(2 * i) + 1], s.Report))
                .ToList();

            started = Begin(PipelineStage.Storing, "storing the generation's manifest", StoringFrom);
            var manifest = await CallAsync<string>(
                PipelineTasks.RecordGeneration, new RecordWork(id, new GenerationResult(settled, variations, Timings)), PipelineStage.Storing, null);
            End(PipelineStage.Storing, started);

            Report(PipelineStage.Done, count == 1 ? "1 variation ready" : $"{count} variations ready", 1);
            return new GenerationResult(settled, variations, Timings, manifest);
        }

        private static string GeneratingDetail(int done, int count) =>
            done < count ? $"generating variation {done + 1} of {count}" : $"generated {count} of {count} variations";

        private static double Between(double from, double to, int done, int count) => from + ((to - from) * done / count);

        private DateTime Begin(string stage, string detail, double progress)
        {
            Report(stage, detail, progress);
            return context.CurrentUtcDateTime;
        }

        private void End(string stage, DateTime started) =>
            _timings.Add(new StageTiming(stage, Math.Round((context.CurrentUtcDateTime - started).TotalMilliseconds, 1)));

        private void Report(string stage, string detail, double progress)
        {
            Progress = Math.Round(progress, 3);
            context.SetCustomStatus(new GenerationProgress(stage, detail, Progress, Timings));
        }

        /// <summary>
        /// Awaits every task, reporting each completion as it comes, and gives the results in the tasks' order. When one
        /// fails, the others are still awaited before the failure is thrown, so nothing of this generation is still
        /// writing when its files are discarded.
        /// </summary>
        private static async Task<IReadOnlyList<T>> AllAsync<T>(List<Task<T>> tasks, Action<int> completed)
        {
            var remaining = new List<Task<T>>(tasks);
            while (remaining.Count > 0)
            {
                var finished = await Task.WhenAny(remaining);
                remaining.Remove(finished);
                if (finished.IsFaulted)
                {
                    await SettleAsync(remaining);
                }

                await finished;
                completed(tasks.Count - remaining.Count);
            }

            return await Task.WhenAll(tasks);
        }

        private static async Task SettleAsync<T>(List<Task<T>> tasks)
        {
            foreach (var task in tasks)
            {
                try
                {
                    await task;
                }
                catch (GenerationFailedException)
                {
                    // The first failure is the one reported.
                }
            }
        }

        /// <summary>Calls an activity with the retry policy; a failure that survives it ends the generation, saying where.</summary>
        private async Task<T> CallAsync<T>(TaskName activity, object input, string stage, int? variation)
        {
            try
            {
                return await context.CallActivityAsync<T>(activity, input, options);
            }
            catch (TaskFailedException e)
            {
                var details = e.FailureDetails;
                // Only the first line: storage errors append request ids, headers and XML that help no client.
                var message = details.ErrorMessage.Split('\n', 2)[0].TrimEnd('\r');
                throw new GenerationFailedException(new GenerationFailure(stage, variation, details.ErrorType, message), e);
            }
        }
    }
}

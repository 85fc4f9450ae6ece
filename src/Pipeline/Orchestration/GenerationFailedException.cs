namespace SithSynth.Pipeline.Orchestration;

/// <summary>
/// Ends an orchestration that cannot finish. Its message names the stage and variation, so the orchestration's failure
/// details (what every Durable client shows) already say what went wrong; <see cref="Failure"/> carries the same as data.
/// </summary>
public sealed class GenerationFailedException : Exception
{
    public GenerationFailedException(GenerationFailure failure, Exception? innerException = null)
        : base(Describe(failure ?? throw new ArgumentNullException(nameof(failure))), innerException)
    {
        Failure = failure;
    }

    public GenerationFailedException()
        : this(new GenerationFailure(PipelineStage.Failed, null, nameof(GenerationFailedException), "The generation failed."))
    {
    }

    public GenerationFailedException(string message)
        : this(new GenerationFailure(PipelineStage.Failed, null, nameof(GenerationFailedException), message))
    {
    }

    public GenerationFailedException(string message, Exception innerException)
        : this(new GenerationFailure(PipelineStage.Failed, null, nameof(GenerationFailedException), message), innerException)
    {
    }

    public GenerationFailure Failure { get; }

    private static string Describe(GenerationFailure failure) => failure.Variation is { } variation
        ? $"{failure.Stage} variation {variation} failed: {failure.ErrorType}: {failure.Message}"
        : $"{failure.Stage} failed: {failure.ErrorType}: {failure.Message}";
}

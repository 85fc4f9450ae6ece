using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Net.Http.Headers;
using SithSynth.Pipeline.Contract;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Pipeline.Handlers;

/// <summary>
/// DELETE /api/generations/{id}: terminates a pending or running generation and answers once it has stopped (202, at
/// most <see cref="StopWait"/> later; the status is then canceled). A
/// finished generation is kept as it is (409), and an unknown id is a 404.
/// </summary>
public sealed class CancelGenerationHandler(DurableTaskClient client)
{
    public const string CancelReason = "Canceled through the API.";

    /// <summary>How long the answer waits for the engine to stop the generation, so what it held is free on return.</summary>
    public static readonly TimeSpan StopWait = TimeSpan.FromSeconds(5);

    public async Task<ApiResponse> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var instance = request.Path.Value;
        var metadata = GenerationId.IsValid(id)
            ? await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false)
            : null;
        if (metadata is null || metadata.Name != PipelineTasks.Generation)
        {
            return ApiResponse.Problem(ProblemDocument.NotFound(id, instance));
        }

        var status = GenerationStatus.Of(metadata.RuntimeStatus);
        if (GenerationStatus.IsFinished(status))
        {
            return ApiResponse.Problem(ProblemDocument.AlreadyFinished(id, status, instance));
        }

        await client.TerminateInstanceAsync(id, CancelReason, cancellationToken).ConfigureAwait(false);
        await StoppedAsync(id, cancellationToken).ConfigureAwait(false);
        var statusUrl = RequestAddress.Self(request);
        return ApiResponse.Json(StatusCodes.Status202Accepted, new GenerationAccepted(id, statusUrl), new Dictionary<string, string>
        {
            [HeaderNames.Location] = statusUrl.AbsoluteUri,
        });
    }

    // The engine applies a termination on its next turn: until then the generation reads as running and still counts
    // against its caller's in-flight cap, so a caller who cancels and asks again at once was refused with a 429.
    private async Task StoppedAsync(string id, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(StopWait);
        try
        {
            await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Still stopping after the wait: the 202 stands, and the status turns to canceled shortly.
        }
    }
}

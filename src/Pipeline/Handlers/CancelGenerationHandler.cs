using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Net.Http.Headers;
using SithSynth.Pipeline.Contract;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Pipeline.Handlers;

/// <summary>
/// DELETE /api/generations/{id}: terminates a pending or running generation (202; the status turns to canceled). A
/// finished generation is kept as it is (409), and an unknown id is a 404.
/// </summary>
public sealed class CancelGenerationHandler(DurableTaskClient client)
{
    public const string CancelReason = "Canceled through the API.";

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
        var statusUrl = RequestAddress.Self(request);
        return ApiResponse.Json(StatusCodes.Status202Accepted, new GenerationAccepted(id, statusUrl), new Dictionary<string, string>
        {
            [HeaderNames.Location] = statusUrl.AbsoluteUri,
        });
    }
}

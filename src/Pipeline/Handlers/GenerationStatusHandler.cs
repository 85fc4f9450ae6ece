using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Net.Http.Headers;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Contract;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Pipeline.Handlers;

/// <summary>
/// GET /api/generations/{id}: the generation's state from the orchestration (runtime status, custom status, output or
/// failure), with fresh read-only links for every file of a completed one. Links are signed on each request, so a
/// client that polls late still gets links with their full lifetime ahead.
/// </summary>
public sealed class GenerationStatusHandler(DurableTaskClient client, IArtifactStore store)
{
    public async Task<ApiResponse> HandleAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var metadata = GenerationId.IsValid(id)
            ? await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false)
            : null;
        if (metadata is null || metadata.Name != PipelineTasks.Generation)
        {
            return ApiResponse.Problem(ProblemDocument.NotFound(id, request.Path.Value));
        }

        if (WaitPreference.Of(request) is { } wait && !GenerationStatus.IsFinished(GenerationStatus.Of(metadata.RuntimeStatus)))
        {
            // Whether it finished or not, the answer shows where it is now.
            metadata = await FinishedWithinAsync(id, wait, cancellationToken).ConfigureAwait(false)
                ?? await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false)
                ?? metadata;
        }

        return await DocumentAsync(request, metadata, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The finished generation's status answer if it finishes within <paramref name="wait"/>, else null.</summary>
    public async Task<ApiResponse?> FinishedWithinAsync(HttpRequest request, string id, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await FinishedWithinAsync(id, wait, cancellationToken).ConfigureAwait(false) is { } metadata
            ? await DocumentAsync(request, metadata, cancellationToken).ConfigureAwait(false)
            : null;
    }

    private async Task<OrchestrationMetadata?> FinishedWithinAsync(string id, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            var metadata = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token).ConfigureAwait(false);
            return metadata is not null && GenerationStatus.IsFinished(GenerationStatus.Of(metadata.RuntimeStatus)) ? metadata : null;
        }
        catch (Exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The wait ran out (the gRPC client reports that as a canceled call); the generation goes on.
            return null;
        }
    }

    private async Task<ApiResponse> DocumentAsync(HttpRequest request, OrchestrationMetadata metadata, CancellationToken cancellationToken)
    {
        var id = metadata.InstanceId;
        var status = GenerationStatus.Of(metadata.RuntimeStatus);
        var progress = metadata.SerializedCustomStatus is null ? null : metadata.ReadCustomStatusAs<GenerationProgress>();
        var document = new GenerationStatusDocument(
            id, status,
            progress?.Stage ?? PipelineStage.Queued,
            progress?.Detail,
            progress?.Progress ?? 0,
            metadata.CreatedAt,
            metadata.LastUpdatedAt,
            progress?.Timings ?? []);

        switch (status)
        {
            case GenerationStatus.Completed when metadata.ReadOutputAs<GenerationResult>() is { } result:
                document = document with
                {
                    Stage = PipelineStage.Done,
                    Progress = 1,
                    Timings = result.Timings,
                    Seed = result.Request.Seed?.ToString(CultureInfo.InvariantCulture),
                    Variations = await VariationsAsync(request, result, cancellationToken).ConfigureAwait(false),
                };
                break;
            case GenerationStatus.Failed:
                document = document with
                {
                    Stage = PipelineStage.Failed,
                    Error = progress?.Error ?? FromDetails(metadata.FailureDetails),
                };
                break;
            case GenerationStatus.Canceled:
                document = document with { Detail = "canceled" };
                break;
        }

        var headers = new Dictionary<string, string>
        {
            // The body holds signed links; no cache should keep them.
            [HeaderNames.CacheControl] = "no-store",
            [HeaderNames.AccessControlExposeHeaders] = HeaderNames.RetryAfter,
        };
        if (!GenerationStatus.IsFinished(status))
        {
            headers[HeaderNames.RetryAfter] = StartGenerationHandler.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return ApiResponse.Json(StatusCodes.Status200OK, document, headers);
    }

    private async Task<IReadOnlyList<VariationDocument>> VariationsAsync(HttpRequest request, GenerationResult result, CancellationToken cancellationToken)
    {
        var variations = new List<VariationDocument>(result.Variations.Count);
        foreach (var variation in result.Variations)
        {
            var files = new VariationFiles(
                await LinkAsync(request, variation.Midi, cancellationToken).ConfigureAwait(false),
                await LinkAsync(request, variation.MusicXml, cancellationToken).ConfigureAwait(false),
                await LinkAsync(request, variation.Report, cancellationToken).ConfigureAwait(false));
            variations.Add(new VariationDocument(variation.Variation, variation.Seed.ToString(CultureInfo.InvariantCulture), variation.Analysis, files));
        }

        return variations;
    }

    private async Task<FileLink> LinkAsync(HttpRequest request, string blobName, CancellationToken cancellationToken)
    {
        var name = ArtifactName.Parse(blobName);
        var link = await store.LinkAsync(name, cancellationToken).ConfigureAwait(false);
        return new FileLink(RequestAddress.Resolve(request, link.Url), link.ExpiresAt, name.DownloadFileName, name.ContentType);
    }

    private static GenerationFailure? FromDetails(Microsoft.DurableTask.TaskFailureDetails? details) =>
        details is null ? null : new GenerationFailure(PipelineStage.Failed, null, details.ErrorType, details.ErrorMessage);
}

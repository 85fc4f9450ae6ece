using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using SithSynth.Domain.Models;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Contract;
using SithSynth.Pipeline.Handlers;
using SithSynth.Pipeline.Admission;
using SithSynth.Pipeline.Idempotency;

namespace SithSynth.Functions;

/// <summary>
/// The HTTP API (routes under host.json's <c>api</c> prefix). Each trigger hands the request to the Pipeline's
/// host-agnostic handler and returns its answer as is; added here are logging with the generation id and the public
/// address links are built on (<see cref="PublicAddress"/>), never the request's own Host.
/// Anonymous: the API is public and called from the web client's browser, where no function key could stay secret.
/// </summary>
public sealed partial class HttpFunctions(ModelCatalog catalog, IArtifactStore store, IdempotencyScope idempotency, AdmissionControl admission, PublicAddress address, ILogger<HttpFunctions> logger)
{
    private static readonly OpenApiHandler OpenApiDocument = new();

    public const string StartGenerationName = "StartGeneration";
    public const string GetGenerationName = "GetGeneration";
    public const string CancelGenerationName = "CancelGeneration";
    public const string ListModelsName = "ListModels";
    public const string HealthName = "Health";
    public const string OpenApiName = "OpenApi";

    [Function(StartGenerationName)]
    public async Task<IResult> StartGenerationAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "generations")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        address.Apply(request);
        using var scope = LogScope.Begin(logger, context, null);
        var response = await new StartGenerationHandler(client, catalog, idempotency, admission, status: new GenerationStatusHandler(client, store))
            .HandleAsync(request, request.HttpContext.RequestAborted);

        // A 202 to poll, or (Prefer: wait) the status of a generation that finished meanwhile.
        if (((response.Body as GenerationAccepted)?.Id ?? (response.Body as GenerationStatusDocument)?.Id) is { } id)
        {
            using var generation = LogScope.Begin(logger, context, id);
            Log.Accepted(logger, id);
        }
        else
        {
            Log.Refused(logger, response.Status);
        }

        return response;
    }

    [Function(GetGenerationName)]
    public async Task<IResult> GetGenerationAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "generations/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        address.Apply(request);
        using var scope = LogScope.Begin(logger, context, id);
        return await new GenerationStatusHandler(client, store).HandleAsync(request, id, request.HttpContext.RequestAborted);
    }

    [Function(CancelGenerationName)]
    public async Task<IResult> CancelGenerationAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "generations/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        address.Apply(request);
        using var scope = LogScope.Begin(logger, context, id);
        var response = await new CancelGenerationHandler(client).HandleAsync(request, id, request.HttpContext.RequestAborted);
        if (response.Status == StatusCodes.Status202Accepted)
        {
            Log.Canceled(logger, id);
        }

        return response;
    }

    [Function(ListModelsName)]
    public IResult ListModels([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "models")] HttpRequest request) =>
        new ModelsHandler(catalog).Handle();

    [Function(HealthName)]
    public IResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        new HealthHandler(catalog).Handle();

    [Function(OpenApiName)]
    public IResult OpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        address.Apply(request);
        return OpenApiDocument.Handle(request);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Generation {GenerationId} accepted")]
        public static partial void Accepted(ILogger logger, string generationId);

        [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Generation request refused with {Status}")]
        public static partial void Refused(ILogger logger, int status);

        [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Generation {GenerationId} canceled")]
        public static partial void Canceled(ILogger logger, string generationId);
    }
}

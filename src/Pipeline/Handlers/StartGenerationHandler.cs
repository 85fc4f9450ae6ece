using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Net.Http.Headers;
using SithSynth.Domain.Models;
using SithSynth.Domain.Requests;
using SithSynth.Pipeline.Access;
using SithSynth.Pipeline.Admission;
using SithSynth.Pipeline.Contract;
using SithSynth.Pipeline.Idempotency;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Pipeline.Handlers;

/// <summary>
/// POST /api/generations. An API key, when one is sent, is checked first (a wrong one is a 401; none means an
/// anonymous caller, see <see cref="ApiKeyRing"/>), then the body (JSON, at most 64 KiB, well-formed, every field
/// valid for the model) before anything is scheduled, so a bad request costs nothing and gets one problem document
/// listing every field error.
/// An Idempotency-Key makes the POST repeatable: the key (scoped to the caller, see <see cref="IdempotencyScope"/>)
/// decides the generation id, the same body gets the same generation back, and a different body under the same key is
/// a 409. Racing POSTs with one key are serialized per id, so the engine sees one schedule. With <c>Prefer: wait=N</c>
/// (and a <paramref name="status"/> handler to build the answer) a generation that finishes within N seconds is answered
/// with its finished status document, 200, instead of a 202 to poll.
/// </summary>
public sealed class StartGenerationHandler(DurableTaskClient client, ModelCatalog catalog, IdempotencyScope idempotency, AdmissionControl? admission = null, Func<string>? newId = null, GenerationStatusHandler? status = null)
{
    public const int MaxBodyBytes = 64 * 1024;
    public const int MaxIdempotencyKeyLength = 200;
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Seconds a client should wait before its first poll: the shortest Retry-After can say, as a 16-bar sheet takes about 0.1 s.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>Seconds to wait after a 503 because storage did not answer.</summary>
    public const int StorageRetryAfterSeconds = 5;

    private readonly Func<string> _newId = newId ?? GenerationId.New;

    public async Task<ApiResponse> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await StartAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Body is not GenerationAccepted accepted || status is null || WaitPreference.Of(request) is not { } wait)
        {
            return response;
        }

        return await status.FinishedWithinAsync(request, accepted.Id, wait, cancellationToken).ConfigureAwait(false) is { } finished
            ? Finished(finished, response)
            : response;
    }

    private async Task<ApiResponse> StartAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var instance = request.Path.Value;
        var caller = AdmissionCaller.Anonymous(IdempotencyScope.Caller(request));
        if (admission?.Keys is { } ring)
        {
            KeyVerdict verdict;
            try
            {
                verdict = await ring.VerifyAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsStorageFailure(e) && !cancellationToken.IsCancellationRequested)
            {
                return StorageDown(instance);
            }

            if (verdict.Refusal is { } refusal)
            {
                return ApiResponse.Problem(ProblemDocument.InvalidApiKey(refusal, instance), new Dictionary<string, string> { [HeaderNames.WWWAuthenticate] = ApiKeyRing.Challenge(refusal) });
            }

            caller = verdict.Caller ?? caller;
        }

        if (!IsJson(request.ContentType))
        {
            return ApiResponse.Problem(ProblemDocument.UnsupportedMediaType(request.ContentType, instance));
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return ApiResponse.Problem(ProblemDocument.TooLarge(MaxBodyBytes, instance));
        }

        var body = await ReadBodyAsync(request.Body, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return ApiResponse.Problem(ProblemDocument.TooLarge(MaxBodyBytes, instance));
        }

        string? key = null;
        if (request.Headers.TryGetValue(IdempotencyKeyHeader, out var keys))
        {
            key = keys.Count == 1 ? keys[0] : null;
            if (KeyProblem(key) is { } problem)
            {
                return ApiResponse.Problem(ProblemDocument.InvalidIdempotencyKey(problem, instance));
            }
        }

        var reading = GenerationRequestJson.Read(body);
        if (reading.Malformed is { } malformed)
        {
            return ApiResponse.Problem(ProblemDocument.MalformedBody(malformed, instance));
        }

        if (reading.Request is not { } generation)
        {
            return ApiResponse.Problem(ProblemDocument.InvalidRequest(reading.Problems, instance));
        }

        var (resolved, sourceProblems) = await RegenerationSource.ResolveAsync(client, generation, cancellationToken).ConfigureAwait(false);
        if (resolved is null)
        {
            return ApiResponse.Problem(ProblemDocument.InvalidRequest(sourceProblems, instance));
        }

        // The seed is chosen later by the validation activity; here only the problems count.
        var validation = GenerationRequestValidator.Validate(resolved, catalog.Cards, () => 0);
        if (!validation.IsValid)
        {
            return ApiResponse.Problem(ProblemDocument.InvalidRequest(validation.Problems, instance));
        }

        // The fingerprint is of what the client sent, so the same body under one Idempotency-Key is the same generation.
        var input = new GenerationInput(resolved, RequestFingerprint.Of(generation));
        if (key is null)
        {
            var fresh = _newId();
            var admitted = await AdmitAsync(caller, resolved, fresh, instance, cancellationToken).ConfigureAwait(false);
            if (!admitted.Admitted)
            {
                return Refused(admitted);
            }

            await client.ScheduleNewOrchestrationInstanceAsync(PipelineTasks.Generation, input, new StartOrchestrationOptions(fresh), cancellationToken).ConfigureAwait(false);
            return Accepted(request, fresh, admitted.Headers);
        }

        string id;
        try
        {
            id = await idempotency.IdForAsync(request, key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsStorageFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            // The shared secret lives in storage (see SharedSecretBlob); without it no id can be made, and none is guessed.
            return StorageDown(instance);
        }

        AdmissionDecision decision;
        using (await idempotency.Lock.EnterAsync(id, cancellationToken).ConfigureAwait(false))
        {
            if (await ExistingAsync(id, input, instance, request, cancellationToken).ConfigureAwait(false) is { } repeated)
            {
                return repeated;
            }

            // Only a generation that will be scheduled spends budget; a retry of one that exists is free.
            decision = await AdmitAsync(caller, resolved, id, instance, cancellationToken).ConfigureAwait(false);
            if (!decision.Admitted)
            {
                return Refused(decision);
            }

            try
            {
                await client.ScheduleNewOrchestrationInstanceAsync(PipelineTasks.Generation, input, new StartOrchestrationOptions(id), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Another process on the same task hub scheduled this id first and the backend refused a second one.
                if (await ExistingAsync(id, input, instance, request, cancellationToken).ConfigureAwait(false) is { } raced)
                {
                    return raced;
                }

                throw;
            }
        }

        return Accepted(request, id, decision.Headers);
    }

    private async Task<AdmissionDecision> AdmitAsync(AdmissionCaller caller, GenerationRequest generation, string id, string? instance, CancellationToken cancellationToken)
    {
        if (admission is null)
        {
            return new AdmissionDecision(null, new Dictionary<string, string>());
        }

        try
        {
            return await admission.AdmitAsync(caller, AdmissionControl.CostOf(generation), instance, new InFlightClaim(id, StateOfAsync), cancellationToken).ConfigureAwait(false);
        }
        catch (AdmissionContentionException)
        {
            return new AdmissionDecision(ProblemDocument.Saturated(1, instance), RetryAfter(1));
        }
        catch (Exception e) when (IsStorageFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            // The counters are shared in storage; without them nothing is admitted, so the budgets hold.
            return new AdmissionDecision(ProblemDocument.StorageUnavailable(StorageRetryAfterSeconds, instance), RetryAfter(StorageRetryAfterSeconds));
        }
    }

    /// <summary>What became of a generation held against its caller's in-flight cap.</summary>
    private async Task<HeldState> StateOfAsync(string id, CancellationToken cancellationToken) =>
        await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false) switch
        {
            null => HeldState.Unknown,
            { RuntimeStatus: OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended } => HeldState.Running,
            _ => HeldState.Finished,
        };

    private static ApiResponse Refused(AdmissionDecision decision) => ApiResponse.Problem(decision.Refusal!, decision.Headers);

    private static ApiResponse StorageDown(string? instance) =>
        ApiResponse.Problem(ProblemDocument.StorageUnavailable(StorageRetryAfterSeconds, instance), RetryAfter(StorageRetryAfterSeconds));

    private static Dictionary<string, string> RetryAfter(int seconds) => new() { [HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture) };

    private static bool IsStorageFailure(Exception e) => e is Azure.RequestFailedException or AggregateException or HttpRequestException or InvalidOperationException;

    private async Task<ApiResponse?> ExistingAsync(string id, GenerationInput input, string? instance, HttpRequest request, CancellationToken cancellationToken)
    {
        var existing = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return null;
        }

        return existing.ReadInputAs<GenerationInput>()?.Fingerprint == input.Fingerprint
            ? Accepted(request, id)
            : ApiResponse.Problem(ProblemDocument.IdempotencyConflict(id, instance));
    }

    private static ApiResponse Accepted(HttpRequest request, string id, IReadOnlyDictionary<string, string>? rateLimit = null)
    {
        var statusUrl = RequestAddress.Generation(request, id);
        var headers = new Dictionary<string, string>(rateLimit ?? new Dictionary<string, string>())
        {
            [HeaderNames.Location] = statusUrl.AbsoluteUri,
            [HeaderNames.RetryAfter] = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture),

            // A browser page on another origin (the web client as a static site) may read only headers named here.
            [HeaderNames.AccessControlExposeHeaders] = $"{HeaderNames.Location}, {HeaderNames.RetryAfter}, {AdmissionControl.PolicyHeader}, {AdmissionControl.StateHeader}",
        };
        return ApiResponse.Json(StatusCodes.Status202Accepted, new GenerationAccepted(id, statusUrl), headers);
    }

    /// <summary>The status answer, told where the generation lives (Content-Location: this body is that resource's state) and what was admitted.</summary>
    private static ApiResponse Finished(ApiResponse finished, ApiResponse accepted)
    {
        var headers = new Dictionary<string, string>(finished.Headers);
        foreach (var (name, value) in accepted.Headers)
        {
            if (name != HeaderNames.RetryAfter)
            {
                headers[name] = value;
            }
        }

        headers[HeaderNames.ContentLocation] = headers[HeaderNames.Location];
        headers[HeaderNames.AccessControlExposeHeaders] = $"{HeaderNames.Location}, {HeaderNames.ContentLocation}, {AdmissionControl.PolicyHeader}, {AdmissionControl.StateHeader}";
        return ApiResponse.Json(finished.Status, finished.Body, headers);
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Value is { } type
        && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static string? KeyProblem(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "Send one non-empty Idempotency-Key, or none.";
        }

        if (key.Length > MaxIdempotencyKeyLength)
        {
            return $"An Idempotency-Key is at most {MaxIdempotencyKeyLength} characters.";
        }

        return key.All(c => c is >= '!' and <= '~') ? null : "An Idempotency-Key is printable ASCII without spaces, e.g. a UUID.";
    }

    /// <summary>The whole body, or null as soon as it passes the limit (a chunked body has no Content-Length to check first).</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer[..length];
            }

            length += read;
        }

        return null;
    }
}

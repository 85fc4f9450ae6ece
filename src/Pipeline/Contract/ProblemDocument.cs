using System.Text.Json.Serialization;
using SithSynth.Domain.Requests;

namespace SithSynth.Pipeline.Contract;

/// <summary>
/// An RFC 9457 problem: a type URI per kind of problem, a title, the status, a sentence for this occurrence, and for
/// invalid requests every field's errors in the shape ASP.NET's ValidationProblemDetails uses (field → messages).
/// </summary>
public sealed record ProblemDocument(
    string Type,
    string Title,
    int Status,
    string Detail,
    string? Instance = null,
    [property: JsonPropertyName("errors")] IReadOnlyDictionary<string, IReadOnlyList<string>>? Errors = null)
{
    /// <summary>Every problem type is a URN under this prefix: it names the kind of problem without promising a page that explains it.</summary>
    public const string TypeBase = "urn:sithsynth:problem:";

    /// <summary>Fields listed in one problem; a body of thousands of unknown fields must not echo into a megabyte answer.</summary>
    public const int MaxListedFields = 20;

    /// <summary>Messages listed per field (a field may repeat in a body).</summary>
    public const int MaxMessagesPerField = 3;

    /// <summary>Characters of a field name repeated back; longer names are cut and end in '…'.</summary>
    public const int MaxFieldNameLength = 64;

    public static ProblemDocument InvalidRequest(IEnumerable<RequestProblem> problems, string? instance = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var fields = problems
            .GroupBy(p => Shorten(p.Field), StringComparer.Ordinal)
            .ToList();
        var errors = fields
            .Take(MaxListedFields)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p.Message).Take(MaxMessagesPerField)], StringComparer.Ordinal);
        var named = string.Join(", ", errors.Keys);
        var unlisted = fields.Count - errors.Count;
        var more = unlisted > 0 ? $" and {unlisted} more not listed" : "";
        return new ProblemDocument(
            TypeBase + "invalid-request", "The generation request is invalid.", 400,
            $"Fix the fields named in 'errors' ({named}){more} and send the request again.", instance, errors);
    }

    /// <summary>A client's text as this document repeats it: at most <see cref="MaxFieldNameLength"/> characters.</summary>
    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= MaxFieldNameLength ? text : string.Concat(text.AsSpan(0, MaxFieldNameLength - 1), "…");
    }

    public static ProblemDocument MalformedBody(string detail, string? instance = null) =>
        new(TypeBase + "malformed-body", "The request body could not be read.", 400, detail, instance);

    public static ProblemDocument UnsupportedMediaType(string? contentType, string? instance = null) =>
        new(TypeBase + "unsupported-media-type", "The body must be JSON.", 415,
            contentType is null ? "Send the request with Content-Type: application/json." : $"Content-Type '{contentType}' is not JSON; send application/json.", instance);

    public static ProblemDocument TooLarge(long limit, string? instance = null) =>
        new(TypeBase + "body-too-large", "The request body is too large.", 413, $"A generation request is at most {limit} bytes.", instance);

    public static ProblemDocument InvalidIdempotencyKey(string detail, string? instance = null) =>
        new(TypeBase + "invalid-idempotency-key", "The Idempotency-Key header is invalid.", 400, detail, instance,
            new Dictionary<string, IReadOnlyList<string>> { ["Idempotency-Key"] = [detail] });

    public static ProblemDocument IdempotencyConflict(string id, string? instance = null) =>
        new(TypeBase + "idempotency-key-reused", "The Idempotency-Key was used for a different request.", 409,
            $"Generation '{id}' was started under this Idempotency-Key with a different body; use a new key for a new request.", instance);

    public static ProblemDocument StorageUnavailable(int retryAfterSeconds, string? instance = null) =>
        new(TypeBase + "storage-unavailable", "The service's storage is not answering.", 503,
            $"The shared idempotency secret or admission counters could not be read; nothing was scheduled. Send the same request again in {retryAfterSeconds} s.", instance);

    public static ProblemDocument RateLimited(int cost, int budget, int windowSeconds, int retryAfterSeconds, string? instance = null) =>
        new(TypeBase + "rate-limited", "Too many generations from this caller.", 429, cost > budget
            ? $"This request costs {cost} bar-variations (bars × variations), more than this caller's whole budget of {budget} per {windowSeconds} s; ask for fewer bars or variations."
            : $"This caller's budget is {budget} bar-variations (bars × variations) per {windowSeconds} s and this request costs {cost}; try again in {retryAfterSeconds} s.", instance);

    public static ProblemDocument InvalidApiKey(string detail, string? instance = null) =>
        new(TypeBase + "invalid-api-key", "The API key was refused.", 401,
            detail + " Send no key to be served as an anonymous caller, under the stricter limits.", instance);

    public static ProblemDocument InFlightLimited(int cost, int used, int cap, int retryAfterSeconds, string? instance = null) =>
        new(TypeBase + "too-many-in-flight", "Too many generations in flight from this caller.", 429, cost > cap
            ? $"This request costs {cost} bar-variations (bars × variations), more than this caller may have in flight at once ({cap}); ask for fewer bars or variations."
            : $"This caller has {used} of its {cap} bar-variations (bars × variations) in generations that have not finished, and this request costs {cost}; try again in {retryAfterSeconds} s, or once one has finished.", instance);

    public static ProblemDocument Saturated(int retryAfterSeconds, string? instance = null) =>
        new(TypeBase + "service-saturated", "The service is at capacity.", 503,
            $"Every caller together has spent this window's budget; nothing was scheduled. Try again in {retryAfterSeconds} s.", instance);

    public static ProblemDocument NotFound(string id, string? instance = null) =>
        new(TypeBase + "generation-not-found", "There is no such generation.", 404, $"No generation has the id '{id}'.", instance);

    public static ProblemDocument AlreadyFinished(string id, string status, string? instance = null) =>
        new(TypeBase + "generation-finished", "The generation has already finished.", 409,
            $"Generation '{id}' is {status}; only a pending or running generation can be canceled, and finished ones are kept.", instance);
}

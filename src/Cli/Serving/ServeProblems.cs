using Microsoft.AspNetCore.Http;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Contract;

namespace SithSynth.Cli.Serving;

/// <summary>The problems only the local host can have: its file route, routes that do not exist, and its own failures.</summary>
internal static class ServeProblems
{
    private const string TypeBase = ProblemDocument.TypeBase;

    public static ProblemDocument NoSuchFile(string name, string? instance) =>
        new(TypeBase + "file-not-found", "There is no such file.", 404, $"No generated file is named '{name}'.", instance);

    public static ProblemDocument LinkRefused(LinkVerdict verdict, string? instance) => verdict == LinkVerdict.Expired
        ? new(TypeBase + "link-expired", "The link has expired.", 403, "Ask the generation's status URL for a fresh link.", instance)
        : new(TypeBase + "link-invalid", "The link is not valid.", 403, "Use a link exactly as the generation's status returned it.", instance);

    public static ProblemDocument NoRoute(string method, string? path) =>
        new(TypeBase + "route-not-found", "There is no such route.", 404, $"Nothing answers {method} {path}; see /api/openapi.json.", path);

    public static ProblemDocument MethodNotAllowed(string method, string? path) =>
        new(TypeBase + "method-not-allowed", "The route does not take this method.", 405, $"{path} does not answer {method}; see /api/openapi.json.", path);

    /// <summary>What the server itself found wrong with the request's framing, by the status it chose.</summary>
    public static ProblemDocument BadRequest(int status, string? path) => status switch
    {
        StatusCodes.Status408RequestTimeout => new(TypeBase + "request-timeout", "The request took too long to arrive.", status, "Send the whole request without long pauses.", path),
        StatusCodes.Status413PayloadTooLarge => new(TypeBase + "body-too-large", "The request body is too large.", status, "Send a smaller body.", path),
        StatusCodes.Status431RequestHeaderFieldsTooLarge => new(TypeBase + "headers-too-large", "The request headers are too large.", status, "Send fewer or shorter headers.", path),
        _ => new(TypeBase + "bad-request", "The request could not be read.", status is >= 400 and < 500 ? status : StatusCodes.Status400BadRequest,
            "The request's framing is broken (a body shorter than its Content-Length, or a bad chunk); send it again whole.", path),
    };

    public static ProblemDocument Starting(string? path) =>
        new(TypeBase + "starting", "The server is starting.", 503, "The generation engine is not answering yet; try again in a second.", path);

    public static ProblemDocument Unexpected(string traceId, string? path) =>
        new(TypeBase + "server-error", "The server failed to answer.", 500, $"The failure was logged under trace id {traceId}.", path);
}

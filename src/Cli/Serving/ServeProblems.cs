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

    public static ProblemDocument Unexpected(string traceId, string? path) =>
        new(TypeBase + "server-error", "The server failed to answer.", 500, $"The failure was logged under trace id {traceId}.", path);
}

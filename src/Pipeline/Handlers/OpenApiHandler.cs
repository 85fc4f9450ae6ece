using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using SithSynth.Pipeline.Contract;

namespace SithSynth.Pipeline.Handlers;

/// <summary>
/// GET /api/openapi.json: the API's OpenAPI 3.1 document (<c>Contract/openapi.json</c>, embedded in this assembly), with
/// <c>servers</c> set to the host that answered, so a tool that downloads the document knows where to send requests.
/// </summary>
public sealed class OpenApiHandler
{
    public const string ResourceName = "SithSynth.Pipeline.Contract.openapi.json";

    /// <summary>The document changes only with a deployment; a few minutes of staleness after one is harmless.</summary>
    public const string CacheControl = "public, max-age=300";

    private static readonly Lazy<byte[]> Bytes = new(Load);

    /// <summary>The document exactly as checked in.</summary>
    public static ReadOnlyMemory<byte> Document => Bytes.Value;

    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance method like every handler's, so hosts wire them all alike.")]
    public ApiResponse Handle(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Parsed per request rather than shared: a JsonNode tree is not safe to read from several threads.
        var document = JsonNode.Parse(Bytes.Value)!.AsObject();
        document["servers"] = new JsonArray(new JsonObject
        {
            ["url"] = RequestAddress.Root(request).AbsoluteUri.TrimEnd('/'),
            ["description"] = "The host that served this document.",
        });
        return ApiResponse.Json(StatusCodes.Status200OK, document, new Dictionary<string, string>
        {
            [HeaderNames.CacheControl] = CacheControl,
        });
    }

    private static byte[] Load()
    {
        using var stream = typeof(OpenApiHandler).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly lacks its embedded resource {ResourceName}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

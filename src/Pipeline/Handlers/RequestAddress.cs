using Microsoft.AspNetCore.Http;

namespace SithSynth.Pipeline.Handlers;

/// <summary>Absolute addresses built from the request itself, so both hosts answer with URLs that reach them.</summary>
internal static class RequestAddress
{
    /// <summary>The request's own URL without its query, e.g. https://host/api/generations.</summary>
    public static Uri Self(HttpRequest request) =>
        new($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}".TrimEnd('/'));

    /// <summary>The URL of a generation, given the collection URL it was posted to.</summary>
    public static Uri Generation(HttpRequest collectionRequest, string id) => new($"{Self(collectionRequest)}/{id}");

    /// <summary>The host's root, path base included, e.g. https://host/; the API's paths start with /api below it.</summary>
    public static Uri Root(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/");

    /// <summary>Makes a link absolute against the host's root; Blob SAS links already are.</summary>
    public static Uri Resolve(HttpRequest request, Uri link) =>
        link.IsAbsoluteUri ? link : new Uri(new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/"), link.OriginalString.TrimStart('/'));
}

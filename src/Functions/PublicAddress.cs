using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace SithSynth.Functions;

/// <summary>
/// Where links point and who is calling, as the Functions app must see them: the Functions host forwards each request
/// to the worker, so the worker's Host and remote address are the host's, and a client's Host header would otherwise
/// reach every link. Links use the configured public base URL (a custom domain or Front Door), else the app's own
/// host name the platform sets (WEBSITE_HOSTNAME), over HTTPS. The caller is the last X-Forwarded-For entry: the one the
/// platform's front end appended, which a client cannot forge (it can only add entries before it).
/// </summary>
public sealed class PublicAddress(Uri? baseUrl)
{
    public static PublicAddress From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[AppSettings.PublicBaseUrl] is { Length: > 0 } configured)
        {
            return Uri.TryCreate(configured, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"
                ? new PublicAddress(url)
                : throw new InvalidOperationException($"{AppSettings.PublicBaseUrl} '{configured}' is not an http(s) URL.");
        }

        // func start names itself localhost:7071 and speaks plain HTTP; in Azure the host name is always HTTPS.
        return new PublicAddress(configuration[AppSettings.HostName] is { Length: > 0 } host
            ? new Uri(host.StartsWith("localhost", StringComparison.OrdinalIgnoreCase) || host.StartsWith("127.0.0.1", StringComparison.Ordinal) ? $"http://{host}/" : $"https://{host}/")
            : null);
    }

    public void Apply(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (baseUrl is not null)
        {
            request.Scheme = baseUrl.Scheme;
            request.Host = new HostString(baseUrl.Authority);
            request.PathBase = new PathString(baseUrl.AbsolutePath.TrimEnd('/'));
        }

        var forwarded = request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (forwarded.Length > 0 && Address(forwarded[^1]) is { } caller)
        {
            request.HttpContext.Connection.RemoteIpAddress = caller;
        }
    }

    /// <summary>An address as a front end writes it: 203.0.113.7, 203.0.113.7:51234, [2001:db8::1]:443 or 2001:db8::1.</summary>
    private static IPAddress? Address(string entry) =>
        IPEndPoint.TryParse(entry, out var endpoint) ? endpoint.Address : IPAddress.TryParse(entry.Trim('[', ']'), out var address) ? address : null;
}

using System.Net;
using Microsoft.AspNetCore.Http;

namespace SithSynth.Cli.Serving;

/// <summary>
/// Decides the scheme, host and path base every link, Location and the OpenAPI <c>servers</c> are built from, so a
/// request's own Host header never chooses them: the configured public URL when there is one; else what a trusted
/// proxy forwarded (applied before this by the forwarded-headers middleware); else the Host only if it names an
/// address serve listens on, and otherwise the address the connection arrived at.
/// </summary>
internal sealed class PublicOrigin(Uri? publicUrl, IReadOnlyList<Uri> listenUrls, IReadOnlySet<IPAddress> trustedProxies)
{
    /// <summary>HttpContext item set when the connection came from a trusted proxy, before its forwarded headers were applied.</summary>
    public const string ViaTrustedProxy = "SithSynth.ViaTrustedProxy";

    public bool Trusts(IPAddress? address) => address is not null && trustedProxies.Contains(Normal(address));

    public void Apply(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (publicUrl is not null)
        {
            request.Scheme = publicUrl.Scheme;
            request.Host = new HostString(publicUrl.Authority);
            request.PathBase = new PathString(publicUrl.AbsolutePath.TrimEnd('/')).Add(request.PathBase);
            return;
        }

        if (context.Items.ContainsKey(ViaTrustedProxy) || IsOwn(request.Host, context.Connection))
        {
            return;
        }

        request.Scheme = Uri.UriSchemeHttp;
        request.Host = Own(context.Connection);
        request.PathBase = PathString.Empty;
    }

    private bool IsOwn(HostString host, ConnectionInfo connection)
    {
        if (!host.HasValue)
        {
            return false;
        }

        var port = host.Port ?? 80;
        if (port != connection.LocalPort)
        {
            return false;
        }

        var name = host.Host;
        if (listenUrls.Any(u => u.Port == port && u.Host.Equals(name, StringComparison.OrdinalIgnoreCase) && u.Host is not ("0.0.0.0" or "[::]")))
        {
            return true;
        }

        var local = connection.LocalIpAddress is { } address ? Normal(address) : null;
        if (local is not null && IPAddress.TryParse(name.Trim('[', ']'), out var literal) && Normal(literal).Equals(local))
        {
            return true;
        }

        return local is not null && IPAddress.IsLoopback(local) && name.Equals("localhost", StringComparison.OrdinalIgnoreCase);
    }

    private HostString Own(ConnectionInfo connection)
    {
        var listen = listenUrls.FirstOrDefault(u => u.Port == connection.LocalPort && u.Host is not ("0.0.0.0" or "[::]"));
        if (listen is not null)
        {
            return new HostString(listen.Authority);
        }

        var local = connection.LocalIpAddress is { } address ? Normal(address) : IPAddress.Loopback;
        return new HostString(new IPEndPoint(local, connection.LocalPort).ToString());
    }

    private static IPAddress Normal(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}

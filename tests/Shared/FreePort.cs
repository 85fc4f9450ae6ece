using System.Net;
using System.Net.Sockets;

namespace SithSynth.Tests;

/// <summary>
/// A loopback port nobody listens on right now, for servers the tests start (Azurite, serve, the in-process Durable
/// host, which would otherwise pick a random port without checking) while test classes run in parallel.
/// </summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

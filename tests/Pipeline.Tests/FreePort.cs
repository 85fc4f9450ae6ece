using System.Net;
using System.Net.Sockets;

namespace SithSynth.Pipeline.Tests;

/// <summary>
/// A loopback port nobody listens on right now. The in-process Durable host would otherwise pick a random port without
/// checking, and test classes run in parallel.
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

using System.Net;
using System.Net.Sockets;

namespace SithSynth.Cli.Serving;

/// <summary>A loopback port nobody listens on right now (the OS picks it), for the sidecar and the benchmark's server.</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

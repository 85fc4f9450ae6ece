using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SithSynth.Tests;

namespace SithSynth.Cli.Tests.Serving;

/// <summary>
/// Azurite with blob, queue and table services over plain HTTP on free loopback ports: the storage account a developer
/// points <c>serve --storage</c> at. (The pipeline tests run it over HTTPS for the SAS checks; here the engine matters.)
/// </summary>
internal sealed class PlainAzurite : IAsyncDisposable
{
    // Azurite's well-known development key; it opens nothing outside this emulator.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly string _folder;

    private PlainAzurite(Process process, string folder, string connectionString)
    {
        _process = process;
        _folder = folder;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PlainAzurite> StartAsync()
    {
        var script = Path.Combine(RepositoryRoot.Path, ".tools", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js");
        using (var install = Process.Start("bash", Path.Combine(RepositoryRoot.Path, "tests", "Pipeline.Tests", "install-azurite.sh")))
        {
            await install.WaitForExitAsync();
            Assert.True(install.ExitCode == 0 && File.Exists(script), "install-azurite.sh did not install Azurite.");
        }

        var folder = Sithsynth.NewFolder();
        int[] ports = [FreePort.Next(), FreePort.Next(), FreePort.Next()];
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            script, "--silent", "--skipApiVersionCheck", "--loose", "--location", folder,
            "--blobHost", "127.0.0.1", "--blobPort", Text(ports[0]),
            "--queueHost", "127.0.0.1", "--queuePort", Text(ports[1]),
            "--tableHost", "127.0.0.1", "--tablePort", Text(ports[2]),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};"
            + $"BlobEndpoint=http://127.0.0.1:{Text(ports[0])}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{Text(ports[1])}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{Text(ports[2])}/devstoreaccount1;";
        var azurite = new PlainAzurite(process, folder, connection);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        foreach (var port in ports)
        {
            while (!Accepts(port))
            {
                Assert.False(process.HasExited || DateTime.UtcNow > deadline, $"Azurite did not start on port {port}.");
                await Task.Delay(100);
            }
        }

        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static bool Accepts(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SithSynth.Tests;

/// <summary>
/// The Azurite emulator as a child process for a test fixture: installed from npm on first use (install-azurite.sh),
/// started with the caller's services, ports and options, and ready once every port accepts. Disposing stops it.
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    // Azurite's well-known development account and key; they open nothing outside this emulator.
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    private AzuriteProcess(Process process) => _process = process;

    /// <summary>Starts Azurite storing into <paramref name="folder"/>, with <paramref name="arguments"/> naming its services and ports.</summary>
    public static async Task<AzuriteProcess> StartAsync(string folder, IReadOnlyList<int> ports, params string[] arguments)
    {
        var script = Path.Combine(RepositoryRoot.Path, ".tools", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js");
        await InstallAsync();
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"install-azurite.sh ran but {script} is missing.");
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { script, "--silent", "--skipApiVersionCheck", "--loose", "--location", folder }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var deadline = DateTime.UtcNow + StartTimeout;
        foreach (var port in ports)
        {
            while (!await AcceptsAsync(port))
            {
                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"Azurite did not start on port {port}: {(process.HasExited ? await errors : "no answer")}");
                }

                await Task.Delay(100);
            }
        }

        return new AzuriteProcess(process);
    }

    public static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task InstallAsync()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "tests", "Pipeline.Tests", "install-azurite.sh"));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(InstallTimeout);
        await process.WaitForExitAsync(cancel.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"install-azurite.sh failed ({process.ExitCode}): {await output}{await errors}");
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

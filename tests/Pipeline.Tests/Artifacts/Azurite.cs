using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;

namespace SithSynth.Pipeline.Tests.Artifacts;

/// <summary>
/// A private Azurite blob endpoint for the blob tests: installed from npm on first use (install-azurite.sh), started on
/// a free loopback port over HTTPS with a certificate made here, and with OAuth enabled, because Azurite hands out user
/// delegation keys only to a bearer token over HTTPS. Stopped when the tests are done.
/// </summary>
public sealed class Azurite : IAsyncLifetime
{
    public const string AccountName = "devstoreaccount1";

    // Azurite's well-known development key; it opens nothing outside this emulator.
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _folder = TemporaryFolder.NewPath();
    private Process? _process;
    private string _thumbprint = "";

    public Uri BlobEndpoint { get; private set; } = null!;

    public string ConnectionString => $"DefaultEndpointsProtocol=https;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};";

    /// <summary>Client options that trust this Azurite's certificate and nothing else.</summary>
    public BlobClientOptions ClientOptions => new() { Transport = new HttpClientTransport(TrustingHandler()) };

    /// <summary>A plain HTTP client, as a browser following a link, that trusts this Azurite's certificate.</summary>
    public HttpClient Browser() => new(TrustingHandler());

    public async Task InitializeAsync()
    {
        var script = Path.Combine(RepositoryRoot.Path, ".tools", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js");
        await RunAsync("bash", [Path.Combine(RepositoryRoot.Path, "tests", "Pipeline.Tests", "install-azurite.sh")], TimeSpan.FromMinutes(5));
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"install-azurite.sh ran but {script} is missing.");
        }

        var (certificate, key) = WriteCertificate();
        var port = FreePort.Next();
        BlobEndpoint = new Uri($"https://127.0.0.1:{port}/{AccountName}");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            script, "--silent", "--skipApiVersionCheck", "--loose", "--location", _folder,
            "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--oauth", "basic", "--cert", certificate, "--key", key,
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var errors = _process.StandardError.ReadToEndAsync();
        _ = _process.StandardOutput.ReadToEndAsync();
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await AcceptsAsync(port))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Azurite did not start on port {port}: {(_process.HasExited ? await errors : "no answer")}");
            }

            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        TemporaryFolder.Remove(_folder);
    }

    private HttpClientHandler TrustingHandler() => new()
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None || certificate?.Thumbprint == _thumbprint,
    };

    private (string Certificate, string Key) WriteCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        _thumbprint = certificate.Thumbprint;

        var certificatePath = Path.Combine(_folder, "azurite.cert.pem");
        var keyPath = Path.Combine(_folder, "azurite.key.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
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

    private static async Task RunAsync(string program, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }
}

using System.Net;
using System.Net.Security;
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
    public const string AccountName = AzuriteProcess.AccountName;

    public const string AccountKey = AzuriteProcess.AccountKey;

    private readonly string _folder = TemporaryFolder.NewPath();
    private AzuriteProcess? _process;
    private string _thumbprint = "";

    public Uri BlobEndpoint { get; private set; } = null!;

    public string ConnectionString => $"DefaultEndpointsProtocol=https;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};";

    /// <summary>Client options that trust this Azurite's certificate and nothing else.</summary>
    public BlobClientOptions ClientOptions => new() { Transport = new HttpClientTransport(TrustingHandler()) };

    /// <summary>A plain HTTP client, as a browser following a link, that trusts this Azurite's certificate.</summary>
    public HttpClient Browser() => new(TrustingHandler());

    public async Task InitializeAsync()
    {
        var (certificate, key) = WriteCertificate();
        var port = FreePort.Next();
        BlobEndpoint = new Uri($"https://127.0.0.1:{port}/{AccountName}");
        _process = await AzuriteProcess.StartAsync(
            _folder, [port],
            "--blobHost", "127.0.0.1", "--blobPort", AzuriteProcess.Port(port), "--oauth", "basic", "--cert", certificate, "--key", key);
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

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
}

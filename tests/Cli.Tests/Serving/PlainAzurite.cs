namespace SithSynth.Cli.Tests.Serving;

/// <summary>
/// Azurite with blob, queue and table services over plain HTTP on free loopback ports: the storage account a developer
/// points <c>serve --storage</c> at. (The pipeline tests run it over HTTPS for the SAS checks; here the engine matters.)
/// </summary>
internal sealed class PlainAzurite : IAsyncDisposable
{
    private readonly AzuriteProcess _process;
    private readonly string _folder;

    private PlainAzurite(AzuriteProcess process, string folder, string connectionString)
    {
        _process = process;
        _folder = folder;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PlainAzurite> StartAsync()
    {
        var folder = Sithsynth.NewFolder();
        int[] ports = [FreePort.Next(), FreePort.Next(), FreePort.Next()];
        var process = await AzuriteProcess.StartAsync(
            folder, ports,
            "--blobHost", "127.0.0.1", "--blobPort", AzuriteProcess.Port(ports[0]),
            "--queueHost", "127.0.0.1", "--queuePort", AzuriteProcess.Port(ports[1]),
            "--tableHost", "127.0.0.1", "--tablePort", AzuriteProcess.Port(ports[2]));
        var account = AzuriteProcess.AccountName;
        var connection = $"DefaultEndpointsProtocol=http;AccountName={account};AccountKey={AzuriteProcess.AccountKey};"
            + $"BlobEndpoint=http://127.0.0.1:{AzuriteProcess.Port(ports[0])}/{account};QueueEndpoint=http://127.0.0.1:{AzuriteProcess.Port(ports[1])}/{account};TableEndpoint=http://127.0.0.1:{AzuriteProcess.Port(ports[2])}/{account};";
        return new PlainAzurite(process, folder, connection);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

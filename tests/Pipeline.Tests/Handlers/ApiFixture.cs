using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Contract;
using SithSynth.Pipeline.Handlers;
using SithSynth.Pipeline.Idempotency;

namespace SithSynth.Pipeline.Tests.Handlers;

/// <summary>
/// The handlers over one in-memory Durable engine and a folder store, as <c>serve</c> will wire them, plus the means to
/// make requests the way ASP.NET Core hands them over.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string Host = "localhost:7071";

    private readonly string _folder = TemporaryFolder.NewPath();
    private PipelineHost? _host;

    public LocalFolderArtifactStore Store { get; private set; } = null!;

    public StartGenerationHandler Start { get; private set; } = null!;

    public GenerationStatusHandler Status { get; private set; } = null!;

    public CancelGenerationHandler Cancel { get; private set; } = null!;

    public PipelineHost Engine => _host!;

    public IdempotencyScope Idempotency { get; } = IdempotencyScope.WithNewSecret();

    public async Task InitializeAsync()
    {
        Store = new LocalFolderArtifactStore(_folder, "/api/files", LinkSigner.WithNewKey(), TimeSpan.FromHours(1), TimeProvider.System);
        _host = await PipelineHost.StartAsync(Store);
        Status = new GenerationStatusHandler(_host.Client, Store);
        Start = new StartGenerationHandler(_host.Client, ShippedModels.Catalog, Idempotency, status: Status);
        Cancel = new CancelGenerationHandler(_host.Client);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        TemporaryFolder.Remove(_folder);
    }

    public static HttpRequest Post(string? body, string? contentType = "application/json", string? idempotencyKey = null, bool announceLength = true, string caller = "192.0.2.1")
    {
        var bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var request = NewRequest("POST", "/api/generations");
        request.HttpContext.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(caller);
        request.ContentType = contentType;
        request.Body = new MemoryStream(bytes);
        request.ContentLength = announceLength ? bytes.Length : null;
        if (idempotencyKey is not null)
        {
            request.Headers[StartGenerationHandler.IdempotencyKeyHeader] = idempotencyKey;
        }

        return request;
    }

    public static HttpRequest Get(string path, string? prefer = null)
    {
        var request = NewRequest("GET", path);
        if (prefer is not null)
        {
            request.Headers[WaitPreference.PreferHeader] = prefer;
        }

        return request;
    }

    public static HttpRequest Delete(string path) => NewRequest("DELETE", path);

    public static JsonElement Json(ApiResponse response)
    {
        using var document = JsonDocument.Parse(response.BodyBytes());
        return document.RootElement.Clone();
    }

    /// <summary>Polls the status handler until the generation has finished, as a client would.</summary>
    public async Task<JsonElement> FinishedAsync(string id)
    {
        var deadline = DateTime.UtcNow + PipelineHost.Patience;
        while (true)
        {
            var status = Json(await Status.HandleAsync(Get($"/api/generations/{id}"), id));
            if (GenerationStatus.IsFinished(status.GetProperty("status").GetString()!) || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(100);
        }
    }

    private static HttpRequest NewRequest(string method, string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(Host);
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        return context.Request;
    }
}

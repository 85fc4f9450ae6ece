using System.Net;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace SithSynth.Cli.Serving;

/// <summary>
/// The real Durable Task engine inside the <c>serve</c> process: an orchestration service (in memory, or Azure Storage)
/// behind the Durable Task gRPC sidecar on a loopback port of the same Kestrel server, with the worker and the client
/// talking to it over gRPC exactly as the Functions host's worker talks to its extension.
/// </summary>
internal sealed class TaskHubEngine(IOrchestrationService service, IOrchestrationServiceClient backendClient, string description)
{
    private readonly CreateIfAbsentClient _client = new(backendClient);

    /// <summary>Work items of each kind in flight at once on the in-memory backend (see <see cref="InMemoryBackend"/>).</summary>
    public const int InMemoryWorkItems = 64;

    private readonly int _port = LoopbackPort.Free();
    private readonly EngineToken _token = new();

    /// <summary>
    /// The in-memory backend: nothing to set up, and everything is forgotten when the process ends. With
    /// <paramref name="stockLimits"/> it keeps its published dispatch limits, for <c>bench-api --stock-limits</c> to show
    /// what the wider ones buy.
    /// </summary>
    public static TaskHubEngine InMemory(bool stockLimits = false)
    {
        var service = new InMemoryOrchestrationService(NullLoggerFactory.Instance);
        return stockLimits
            ? new TaskHubEngine(service, service, "in memory, stock dispatch limits") { HoldsHistoryInMemory = true }
            : new TaskHubEngine(new InMemoryBackend(service, InMemoryWorkItems), service, "in memory (generations are forgotten when serve stops)") { HoldsHistoryInMemory = true };
    }

    /// <summary>Whether every generation's history is held in this process's memory, so finished ones must be purged.</summary>
    public bool HoldsHistoryInMemory { get; private init; }

    /// <summary>The client the sidecar serves, for tests of what it keeps.</summary>
    internal CreateIfAbsentClient Client => _client;

    /// <summary>What the engine runs on, for the start-up line.</summary>
    public string Description { get; } = description;

    private string Host => $"127.0.0.1:{_port}";

    /// <summary>The sidecar's loopback port, which only requests carrying this process's engine token get through.</summary>
    public int SidecarPort => _port;

    public void AddTo(WebApplicationBuilder builder, Action<DurableTaskRegistry> tasks)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(_client);
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        var channel = GrpcChannel.ForAddress($"http://{Host}", new GrpcChannelOptions { HttpHandler = _token.Handler(), DisposeHttpClient = true });
        builder.Services.AddSingleton(channel);
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.AddTasks(tasks);
            worker.UseGrpc(channel);
        });
        builder.Services.AddDurableTaskClient(durableClient =>
        {
            durableClient.UseGrpc(channel);
            durableClient.RegisterDirectly();
        });
    }

    /// <summary>The sidecar answers only on its own loopback endpoint, never on the public API addresses.</summary>
    public void MapSidecar(IEndpointRouteBuilder endpoints) => endpoints.MapGrpcService<TaskHubGrpcServer>().RequireHost(Host);

    /// <summary>Refuses (401, nothing else said) every request on the sidecar's port that lacks this process's engine token.</summary>
    public void GuardSidecar(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Connection.LocalPort == _port && !_token.Admits(context.Request.Headers[EngineToken.Header]))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        await next(context).ConfigureAwait(false);
    });
}

using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using SithSynth.Domain.Models;
using SithSynth.Pipeline.Access;
using SithSynth.Pipeline.Admission;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Contract;
using SithSynth.Pipeline.Handlers;
using SithSynth.Pipeline.Idempotency;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Cli.Serving;

/// <summary>
/// The HTTP API of the Functions app, hosted by Kestrel on this machine: the same handlers, the same orchestration and
/// activities, on the real Durable Task engine. Artifacts go to a local folder behind signed links (or to Blob Storage
/// with the Durable task hub when a storage connection string is given), and the built web client is served at /.
/// </summary>
internal static class LocalApi
{
    public static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(2);

    public static WebApplication Build(ServeSettings settings, ModelCatalog catalog, TaskHubEngine engine, IArtifactStore store, IdempotencyScope idempotency, EngineReadiness readiness, AdmissionControl? admission, LogLevel requestLog = LogLevel.Information)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("SithSynth", requestLog);

        // serve reports a failed start (say, a port in use) itself, in one line.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        // Once serve is stopping, the Durable worker's retries against the sidecar going away with it are expected, not news.
        var stopping = new StrongBox<bool>();
        builder.Logging.AddFilter("Microsoft.DurableTask", level => level >= LogLevel.Warning && !stopping.Value);
        builder.Logging.AddFilter("DurableTask", level => level >= LogLevel.Warning && !stopping.Value);

        // A bad request (a broken chunk) is the client's error and answered as one; a real failure is logged by WriteUnexpectedAsync.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", LogLevel.None);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            foreach (var url in settings.Urls)
            {
                Listen(kestrel, url);
            }
        });
        engine.AddTo(builder, tasks => tasks.AddSithSynthPipeline(catalog, store));

        // Stopping waits this long for requests and work items in flight, then lets them go: on the in-memory engine
        // they are lost anyway, on Azure Storage their messages stay queued and the next start resumes them.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownGrace);

        if (settings.CorsOrigins.Count > 0)
        {
            builder.Services.AddCors();
        }

        builder.Services.AddHostedService(services => new ServeHousekeeping(
            services, store, readiness, settings.LinkLifetime, purge: engine.HoldsHistoryInMemory, TimeProvider.System));

        var app = builder.Build();
        app.Lifetime.ApplicationStopping.Register(() => stopping.Value = true);
        engine.GuardSidecar(app);

        // The server's own errors (a short body, a bad chunk, a body too slow to arrive) carry their 4xx status.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = WriteUnexpectedAsync,
            StatusCodeSelector = e => e is Microsoft.AspNetCore.Http.BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.Use(LogRequestAsync);
        readiness.Guard(app, engine.SidecarPort);
        UsePublicOrigin(app, settings, engine.SidecarPort);
        if (settings.CorsOrigins.Count > 0)
        {
            // The Functions app's platform CORS answers preflights for the same origins; here the middleware does.
            app.UseCors(cors => cors
                .WithOrigins([.. settings.CorsOrigins])
                .WithMethods(HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Delete)
                .WithHeaders(HeaderNames.ContentType, StartGenerationHandler.IdempotencyKeyHeader, WaitPreference.PreferHeader, HeaderNames.Authorization, ApiKeyRing.HeaderName)
                .WithExposedHeaders(HeaderNames.Location, HeaderNames.ContentLocation, HeaderNames.RetryAfter, AdmissionControl.PolicyHeader, AdmissionControl.StateHeader)
                .SetPreflightMaxAge(TimeSpan.FromHours(1)));
        }

        if (settings.WebDirectory is { } web)
        {
            var files = new PhysicalFileProvider(web);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }
        else
        {
            app.MapGet("/", () => Results.Text(NoWebClientPage, "text/html; charset=utf-8"));
        }

        MapApi(app, catalog, store, idempotency, admission);
        engine.MapSidecar(app);
        return app;
    }

    /// <summary>Links are built on --public-url, a trusted proxy's forwarded headers, or serve's own address; never a stranger's Host.</summary>
    private static void UsePublicOrigin(WebApplication app, ServeSettings settings, int sidecarPort)
    {
        var origin = new PublicOrigin(settings.PublicUrl, settings.Urls, settings.TrustedProxies);
        if (settings.TrustedProxies.Count > 0)
        {
            app.Use((context, next) =>
            {
                if (origin.Trusts(context.Connection.RemoteIpAddress))
                {
                    context.Items[PublicOrigin.ViaTrustedProxy] = true;
                }

                return next(context);
            });
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.All, ForwardLimit = 1 };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in settings.TrustedProxies)
            {
                forwarded.KnownProxies.Add(proxy);
            }

            app.UseForwardedHeaders(forwarded);
        }

        app.Use((context, next) =>
        {
            if (context.Connection.LocalPort != sidecarPort)
            {
                origin.Apply(context);
            }

            return next(context);
        });
    }

    private static void MapApi(WebApplication app, ModelCatalog catalog, IArtifactStore store, IdempotencyScope idempotency, AdmissionControl? admission)
    {
        var api = app.MapGroup("/api");
        api.MapPost("/generations", (HttpRequest request, DurableTaskClient client, CancellationToken cancel) =>
            new StartGenerationHandler(client, catalog, idempotency, admission, status: new GenerationStatusHandler(client, store)).HandleAsync(request, cancel));
        string[] read = [HttpMethods.Get, HttpMethods.Head];
        api.MapMethods("/generations/{id}", read, (HttpRequest request, string id, DurableTaskClient client, CancellationToken cancel) =>
            new GenerationStatusHandler(client, store).HandleAsync(request, id, cancel));
        api.MapDelete("/generations/{id}", (HttpRequest request, string id, DurableTaskClient client, CancellationToken cancel) =>
            new CancelGenerationHandler(client).HandleAsync(request, id, cancel));
        api.MapMethods("/models", read, () => new ModelsHandler(catalog).Handle());
        api.MapMethods("/health", read, () => new HealthHandler(catalog).Handle());
        var openApi = new OpenApiHandler();
        api.MapMethods("/openapi.json", read, (HttpRequest request) => openApi.Handle(request));
        if (store is LocalFolderArtifactStore local)
        {
            var downloads = new FileDownloads(local, TimeProvider.System);
            api.MapMethods("/files/{**name}", read, (HttpRequest request, string? name) => downloads.Handle(request, name ?? ""));
        }

        // Anything else under /api is a problem document too, never an empty 404 or 405.
        api.MapFallback("{**path}", RouteProblem);
    }

    private static ApiResponse RouteProblem(HttpContext context)
    {
        var path = context.Request.Path.Value;
        var allowed = context.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => Matches(e.RoutePattern, path))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return allowed.Count > 0
            ? ApiResponse.Problem(ServeProblems.MethodNotAllowed(context.Request.Method, path), new Dictionary<string, string> { ["Allow"] = string.Join(", ", allowed) })
            : ApiResponse.Problem(ServeProblems.NoRoute(context.Request.Method, path));
    }

    private static bool Matches(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern, string? path) =>
        new Microsoft.AspNetCore.Routing.Template.TemplateMatcher(
            new Microsoft.AspNetCore.Routing.Template.RouteTemplate(pattern), new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary());

    private static void Listen(KestrelServerOptions kestrel, Uri url)
    {
        if (url.Host is "localhost")
        {
            kestrel.ListenLocalhost(url.Port);
        }
        else if (url.Host is "*" or "+" or "0.0.0.0")
        {
            kestrel.ListenAnyIP(url.Port);
        }
        else
        {
            kestrel.Listen(IPAddress.Parse(url.Host.Trim('[', ']')), url.Port);
        }
    }

    private static async Task LogRequestAsync(HttpContext context, RequestDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        await next(context).ConfigureAwait(false);
        var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(ServeLog.Category);
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            ServeLog.Answered(logger, context.Request.Method, context.Request.Path.Value, context.Response.StatusCode, milliseconds);
        }
    }

    private static async Task WriteUnexpectedAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is Microsoft.AspNetCore.Http.BadHttpRequestException bad)
        {
            await ApiResponse.Problem(ServeProblems.BadRequest(bad.StatusCode, context.Request.Path.Value)).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(ServeLog.Category);
        ServeLog.Failed(logger, error, context.Request.Method, context.Request.Path.Value, context.TraceIdentifier);
        await ApiResponse.Problem(ServeProblems.Unexpected(context.TraceIdentifier, context.Request.Path.Value)).ExecuteAsync(context).ConfigureAwait(false);
    }

    private const string NoWebClientPage = """
        <!doctype html><html lang="en"><meta charset="utf-8"><title>Sith Synth</title>
        <p>The Sith Synth API is running under <a href="/api/health">/api</a>. The web client is not built:
        run <code>npm --prefix web ci &amp;&amp; npm --prefix web run build</code>, or start serve with <code>--web DIR</code>.</p>
        </html>
        """;
}

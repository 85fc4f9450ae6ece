using System.CommandLine;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using SithSynth.Cli.Serving;
using SithSynth.Domain.Models;
using SithSynth.Pipeline.Access;
using SithSynth.Pipeline.Admission;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Idempotency;

namespace SithSynth.Cli.Commands;

/// <summary><c>sithsynth serve</c>: the service's HTTP API on this machine, on the real Durable Task engine, without Azure.</summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://localhost:5000";
    public const string LinkKeyFile = ".link-key";
    public const string IdempotencyKeyFile = ".idempotency-key";
    public const string StorageVariable = "SITHSYNTH_STORAGE";
    public const string CorsVariable = "SITHSYNTH_CORS_ORIGINS";

    /// <summary>Where the packed tool carries the built web client, beside the program (see SithSynth.Cli.csproj).</summary>
    public const string PackedWebFolder = "web";

    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen, e.g. http://127.0.0.1:8080; several separated by ';' (default ASPNETCORE_URLS, else {DefaultUrl})." };
        var models = new Option<DirectoryInfo?>("--models-dir") { Description = "Folder of models, one sub-folder with a model.json each (default the models shipped with sithsynth)." };
        var artifacts = new Option<DirectoryInfo>("--artifacts") { Description = "Folder for the generated files, kept across restarts as are their links.", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("out", "serve")) };
        var storage = new Option<string?>("--storage") { Description = $"Azure Storage connection string (Azurite: UseDevelopmentStorage=true). Runs the Durable task hub on it and keeps files in Blob Storage instead of --artifacts. Every user of this machine can read a command line (ps): pass a real account key through {StorageVariable} or --storage-file instead." };
        var storageFile = new Option<FileInfo?>("--storage-file") { Description = "File holding the Azure Storage connection string (first line), instead of --storage." };
        var publicUrl = new Option<string?>("--public-url") { Description = "The URL clients reach serve at, e.g. https://music.example.org (TLS or a proxy in front). Links, Location and the OpenAPI servers are built on it; without it, on the address the request came in on, never on its Host header." };
        var trustedProxies = new Option<string?>("--trusted-proxy") { Description = "IP addresses of reverse proxies (';'-separated) whose X-Forwarded-For/-Proto/-Host serve believes; from anyone else they are ignored." };
        var corsOrigins = new Option<string?>("--cors-origins") { Description = $"Origins (';'-separated, e.g. https://app.example.org) whose web pages may call the API, as the Functions app's allowed origins (default {CorsVariable}, else none)." };
        var hub = new Option<string>("--task-hub") { Description = "Durable task hub name on --storage.", DefaultValueFactory = _ => "SithSynthServe" };
        var lifetime = new Option<int>("--link-minutes") { Description = "How long a download link works, in minutes (default 60). On the in-memory engine a finished generation is forgotten this long after it finished (its status is then 404).", DefaultValueFactory = _ => 60 };
        var clientBudget = new Option<int>("--client-budget") { Description = $"Bar-variations (bars × variations) one caller may start per --budget-window; 0 for no limit.", DefaultValueFactory = _ => AdmissionSettings.DefaultClientBudget };
        var clientInFlight = new Option<int>("--client-in-flight") { Description = "Bar-variations of unfinished generations one anonymous caller may have at once (the largest request is 320); 0 for no cap.", DefaultValueFactory = _ => AdmissionSettings.DefaultClientInFlight };
        var keyBudget = new Option<int>("--key-budget") { Description = "--client-budget for a caller with an API key; 0 for no limit.", DefaultValueFactory = _ => AdmissionSettings.DefaultKeyBudget };
        var keyInFlight = new Option<int>("--key-in-flight") { Description = "--client-in-flight for a caller with an API key; 0 for no cap.", DefaultValueFactory = _ => AdmissionSettings.DefaultKeyInFlight };
        var globalBudget = new Option<int>("--global-budget") { Description = $"Bar-variations all callers together may start per --budget-window; 0 for no limit.", DefaultValueFactory = _ => AdmissionSettings.DefaultGlobalBudget };
        var budgetWindow = new Option<int>("--budget-window") { Description = "Seconds of the fixed window the budgets count in; with --storage every serve on that account shares the counters.", DefaultValueFactory = _ => (int)AdmissionSettings.DefaultWindow.TotalSeconds };
        var web = new Option<DirectoryInfo?>("--web") { Description = "Folder of the built web client to serve at / (default web/dist of this checkout when built, else the client packed with sithsynth)." };
        var command = new Command("serve", "Serve the HTTP API (and the web client) locally: the same orchestration and handlers as the Azure Functions app.")
        {
            urls, models, artifacts, storage, storageFile, hub, lifetime, web, publicUrl, trustedProxies, corsOrigins, clientBudget, clientInFlight, keyBudget, keyInFlight, globalBudget, budgetWindow,
        };
        command.SetAction((result, cancel) => RunAsync(
            new ServeSettings(
                Urls(result.GetValue(urls) ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? DefaultUrl),
                result.GetValue(models)?.FullName ?? ModelCatalog.DefaultDirectory,
                result.GetValue(artifacts)!.FullName,
                StorageConnection(result.GetValue(storage), result.GetValue(storageFile)),
                result.GetValue(hub)!,
                LinkLifetime(result.GetValue(lifetime)),
                WebFolder(result.GetValue(web)))
            {
                PublicUrl = PublicUrl(result.GetValue(publicUrl)),
                TrustedProxies = Proxies(result.GetValue(trustedProxies)),
                CorsOrigins = Origins(result.GetValue(corsOrigins) ?? Environment.GetEnvironmentVariable(CorsVariable)),
                Admission = Admission(new AdmissionSettings
                {
                    ClientBudget = result.GetValue(clientBudget),
                    ClientInFlight = result.GetValue(clientInFlight),
                    KeyBudget = result.GetValue(keyBudget),
                    KeyInFlight = result.GetValue(keyInFlight),
                    GlobalBudget = result.GetValue(globalBudget),
                    Window = TimeSpan.FromSeconds(result.GetValue(budgetWindow)),
                }),
            },
            cancel));
        return command;
    }

    private static async Task<int> RunAsync(ServeSettings settings, CancellationToken cancel)
    {
        // Not disposed: after the shutdown grace an abandoned activity may still be inside ONNX Runtime, and freeing its
        // session under it crashes the process; the process ends right after anyway.
        var catalog = RequestOptions.LoadCatalog(settings.ModelsDirectory);
        var store = Store(settings);
        if (store is BlobArtifactStore blob)
        {
            // In Azure the infrastructure creates the container; here serve does, once.
            try
            {
                await blob.EnsureContainerAsync(cancel).ConfigureAwait(false);
            }
            catch (Exception e) when (e is Azure.RequestFailedException or AggregateException)
            {
                // The SDK gives up after its retries with an AggregateException of the attempts; the first says why.
                var cause = e is AggregateException { InnerExceptions: [var first, ..] } ? first : e;
                throw new CommandLineException($"--storage: cannot reach Blob Storage to create the {blob.ContainerName} container: {cause.Message.Split('\n')[0]}");
            }
        }

        var engine = Engine(settings);
        var readiness = new EngineReadiness();
        await using var app = LocalApi.Build(settings, catalog, engine, store, Idempotency(settings), readiness, AdmissionControl(settings));
        try
        {
            await app.StartAsync(cancel).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new CommandLineException($"--urls: cannot listen on {string.Join(", ", settings.Urls)}: {e.Message}");
        }

        try
        {
            await readiness.OpenAsync(app.Services, cancel, () =>
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"sithsynth serve: listening on {string.Join(", ", settings.Urls)}; models {string.Join(", ", catalog.Cards.Select(c => c.Name))}; engine {engine.Description} (sidecar 127.0.0.1:{engine.SidecarPort}, serve's own token only); files {Describe(store, settings)}; web client {settings.WebDirectory ?? "not built"}; {Describe(settings.Admission, settings)}"));
                Console.WriteLine("Press Ctrl+C to stop.");
            }).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            throw new CommandLineException($"serve: {e.Message}");
        }

        using var stopping = app.Lifetime.ApplicationStopping.Register(() => Console.WriteLine("sithsynth serve: stopping…"));
        await app.WaitForShutdownAsync(cancel).ConfigureAwait(false);
        return 0;
    }

    private static IArtifactStore Store(ServeSettings settings)
    {
        if (settings.StorageConnectionString is { } connection)
        {
            var blob = new ArtifactStorageSettings { ConnectionString = connection, LinkLifetime = settings.LinkLifetime };
            return Guard("--storage", () => blob.CreateStore(TimeProvider.System));
        }

        Guard("--artifacts", () => Directory.CreateDirectory(settings.ArtifactsDirectory));
        return new LocalFolderArtifactStore(settings.ArtifactsDirectory, FileDownloads.Route, LinkSigner(settings.ArtifactsDirectory), settings.LinkLifetime, TimeProvider.System);
    }

    /// <summary>The link key lives with the files, so links handed out before a restart keep working until they expire.</summary>
    private static LinkSigner LinkSigner(string folder) =>
        Guard("--artifacts", () => new LinkSigner(SecretFile.ReadOrCreate(Path.Combine(folder, LinkKeyFile), "--artifacts")));

    /// <summary>
    /// Keyed ids must be the same in every serve that shares a task hub: on Azure Storage the secret is derived from the
    /// connection string (as secret as its account key), locally it lives with the files like the link key.
    /// </summary>
    private static IdempotencyScope Idempotency(ServeSettings settings) => settings.StorageConnectionString is { } connection
        ? new IdempotencyScope(System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(connection), "sithsynth idempotency"u8))
        : Guard("--artifacts", () => new IdempotencyScope(SecretFile.ReadOrCreate(Path.Combine(settings.ArtifactsDirectory, IdempotencyKeyFile), "--artifacts")));

    /// <summary>
    /// Every serve on one storage account counts in the same blobs and reads the same API keys; a lone serve counts in
    /// memory and keeps its keys in a folder beside its files.
    /// </summary>
    private static AdmissionControl AdmissionControl(ServeSettings settings) => new(
        settings.Admission,
        settings.StorageConnectionString is { } connection
            ? new BlobAdmissionLedger(new Azure.Storage.Blobs.BlobServiceClient(connection).GetBlobContainerClient(settings.Admission.ContainerName))
            : new InMemoryAdmissionLedger(),
        TimeProvider.System,
        new ApiKeyRing(ApiKeyCommand.Store(settings.StorageConnectionString, settings.ArtifactsDirectory), TimeProvider.System));

    private static AdmissionSettings Admission(AdmissionSettings settings) =>
        settings.Problems() is [var problem, ..]
            ? throw new CommandLineException($"--client-budget, --client-in-flight, --key-budget, --key-in-flight, --global-budget, --budget-window: {problem}", CommandLine.Usage)
            : settings;

    private static TaskHubEngine Engine(ServeSettings settings) => settings.StorageConnectionString is { } connection
        ? AzureStorageEngine.Create(connection, settings.TaskHub)
        : TaskHubEngine.InMemory();

    private static string Describe(IArtifactStore store, ServeSettings settings) =>
        store is LocalFolderArtifactStore local ? local.Folder : $"Blob Storage container {ArtifactStorageSettings.DefaultContainerName}";

    private static string Describe(AdmissionSettings admission, ServeSettings settings) => string.Create(CultureInfo.InvariantCulture,
        $"budgets per {admission.Window.TotalSeconds:0} s: {Budget(admission.ClientBudget)} per caller ({Budget(admission.ClientInFlight)} in flight; with an API key {Budget(admission.KeyBudget)}, {Budget(admission.KeyInFlight)} in flight), {Budget(admission.GlobalBudget)} for everyone ({(settings.StorageConnectionString is null ? "counted in this process" : "shared in Blob Storage")})");

    private static string Budget(int budget) => budget > 0 ? string.Create(CultureInfo.InvariantCulture, $"{budget} bar-variations") : "no limit";

    private static List<Uri> Urls(string value)
    {
        var urls = new List<Uri>();
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Kestrel's wildcard hosts are not valid URI hosts.
            var parsable = part.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(parsable, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || url.AbsolutePath != "/"
                || (url.Host != "localhost" && !IPAddress.TryParse(url.Host.Trim('[', ']'), out _)))
            {
                throw new CommandLineException($"--urls: '{part}' is not an address to listen on; use http://localhost:PORT, http://IP:PORT or http://*:PORT (serve speaks plain HTTP; put TLS in front of it).", CommandLine.Usage);
            }

            urls.Add(url);
        }

        return urls.Count > 0 ? urls : throw new CommandLineException("--urls: give at least one address.", CommandLine.Usage);
    }

    /// <summary>--storage, else --storage-file, else SITHSYNTH_STORAGE: a connection string need never be on the command line.</summary>
    internal static string? StorageConnection(string? given, FileInfo? file)
    {
        if (given is not null && file is not null)
        {
            throw new CommandLineException("--storage and --storage-file: give one of them.", CommandLine.Usage);
        }

        if (file is not null)
        {
            try
            {
                return File.ReadLines(file.FullName).FirstOrDefault()?.Trim() is { Length: > 0 } line
                    ? line
                    : throw new CommandLineException($"--storage-file: {file.FullName} holds no connection string.", CommandLine.Usage);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandLineException($"--storage-file: cannot read {file.FullName}: {e.Message}", CommandLine.Usage);
            }
        }

        return given ?? (Environment.GetEnvironmentVariable(StorageVariable) is { Length: > 0 } variable ? variable : null);
    }

    private static Uri? PublicUrl(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment)
            ? url
            : throw new CommandLineException($"--public-url: '{value}' is not an http(s) URL without query, e.g. https://music.example.org.", CommandLine.Usage);
    }

    private static HashSet<IPAddress> Proxies(string? value)
    {
        var proxies = new HashSet<IPAddress>();
        foreach (var part in (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            proxies.Add(IPAddress.TryParse(part, out var address)
                ? address
                : throw new CommandLineException($"--trusted-proxy: '{part}' is not an IP address.", CommandLine.Usage));
        }

        return proxies;
    }

    private static List<string> Origins(string? value)
    {
        var origins = new List<string>();
        foreach (var part in (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            origins.Add(Uri.TryCreate(part, UriKind.Absolute, out var origin) && origin.Scheme is "http" or "https" && origin.AbsolutePath == "/" && part.Count(c => c == '/') == 2
                ? origin.GetLeftPart(UriPartial.Authority)
                : throw new CommandLineException($"--cors-origins: '{part}' is not an origin such as https://app.example.org.", CommandLine.Usage));
        }

        return origins;
    }

    private static TimeSpan LinkLifetime(int minutes) => minutes is >= 1 and <= 7 * 24 * 60
        ? TimeSpan.FromMinutes(minutes)
        : throw new CommandLineException($"--link-minutes: {minutes} is not from 1 to {7 * 24 * 60} (a week).", CommandLine.Usage);

    private static string? WebFolder(DirectoryInfo? given)
    {
        if (given is not null)
        {
            return File.Exists(Path.Combine(given.FullName, "index.html"))
                ? given.FullName
                : throw new CommandLineException($"--web: {given.FullName} holds no index.html; build the client with `npm --prefix web run build`.", CommandLine.Usage);
        }

        // A checkout's own build first (it is the one being worked on), then the copy packed into the tool.
        string?[] candidates = [RepositoryFolders.Root is { } root ? Path.Combine(root, "web", "dist") : null, Path.Combine(AppContext.BaseDirectory, PackedWebFolder)];
        return candidates.FirstOrDefault(folder => folder is not null && File.Exists(Path.Combine(folder, "index.html")));
    }

    private static T Guard<T>(string option, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException($"{option}: {e.Message}");
        }
    }
}

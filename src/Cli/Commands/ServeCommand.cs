using System.CommandLine;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using SithSynth.Cli.Serving;
using SithSynth.Domain.Models;
using SithSynth.Pipeline.Artifacts;

namespace SithSynth.Cli.Commands;

/// <summary><c>sithsynth serve</c>: the service's HTTP API on this machine, on the real Durable Task engine, without Azure.</summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://localhost:5000";
    public const string LinkKeyFile = ".link-key";

    /// <summary>Where the packed tool carries the built web client, beside the program (see SithSynth.Cli.csproj).</summary>
    public const string PackedWebFolder = "web";

    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen, e.g. http://127.0.0.1:8080, several separated by ';' (default ASPNETCORE_URLS, else {DefaultUrl})." };
        var models = new Option<DirectoryInfo?>("--models-dir") { Description = "Folder of models, one sub-folder with a model.json each (default the models shipped with sithsynth)." };
        var artifacts = new Option<DirectoryInfo>("--artifacts") { Description = "Folder for the generated files, kept across restarts as are their links.", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("out", "serve")) };
        var storage = new Option<string?>("--storage") { Description = "Azure Storage connection string (Azurite: UseDevelopmentStorage=true). Runs the Durable task hub on it and keeps files in Blob Storage instead of --artifacts." };
        var hub = new Option<string>("--task-hub") { Description = "Durable task hub name on --storage.", DefaultValueFactory = _ => "SithSynthServe" };
        var lifetime = new Option<int>("--link-minutes") { Description = "How long a download link works, in minutes (default 60).", DefaultValueFactory = _ => 60 };
        var web = new Option<DirectoryInfo?>("--web") { Description = "Folder of the built web client to serve at / (default web/dist of this checkout when built, else the client packed with sithsynth)." };
        var command = new Command("serve", "Serve the HTTP API (and the web client) locally: the same orchestration and handlers as the Azure Functions app.")
        {
            urls, models, artifacts, storage, hub, lifetime, web,
        };
        command.SetAction((result, cancel) => RunAsync(
            new ServeSettings(
                Urls(result.GetValue(urls) ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? DefaultUrl),
                result.GetValue(models)?.FullName ?? ModelCatalog.DefaultDirectory,
                result.GetValue(artifacts)!.FullName,
                result.GetValue(storage),
                result.GetValue(hub)!,
                LinkLifetime(result.GetValue(lifetime)),
                WebFolder(result.GetValue(web))),
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
        await using var app = LocalApi.Build(settings, catalog, engine, store);
        try
        {
            await app.StartAsync(cancel).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new CommandLineException($"--urls: cannot listen on {string.Join(", ", settings.Urls)}: {e.Message}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sithsynth serve: listening on {string.Join(", ", settings.Urls)}; models {string.Join(", ", catalog.Cards.Select(c => c.Name))}; engine {engine.Description}; files {Describe(store, settings)}; web client {settings.WebDirectory ?? "not built"}"));
        Console.WriteLine("Press Ctrl+C to stop.");
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
    private static LinkSigner LinkSigner(string folder)
    {
        var path = Path.Combine(folder, LinkKeyFile);
        if (!File.Exists(path))
        {
            var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var file = new FileStream(path, options);
                file.Write(key);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another serve on the same folder wrote it first; use theirs.
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandLineException($"--artifacts: cannot write the link key into {folder}: {e.Message}");
            }
        }

        return Guard("--artifacts", () => new LinkSigner(File.ReadAllBytes(path)));
    }

    private static TaskHubEngine Engine(ServeSettings settings) => settings.StorageConnectionString is { } connection
        ? AzureStorageEngine.Create(connection, settings.TaskHub)
        : TaskHubEngine.InMemory();

    private static string Describe(IArtifactStore store, ServeSettings settings) =>
        store is LocalFolderArtifactStore local ? local.Folder : $"Blob Storage container {ArtifactStorageSettings.DefaultContainerName}";

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

using System.CommandLine;
using System.Globalization;
using Azure.Identity;
using Azure.Storage.Blobs;
using SithSynth.Pipeline.Access;

namespace SithSynth.Cli.Commands;

/// <summary>
/// <c>sithsynth api-key issue|list|revoke</c>: the operator's keys for programmatic clients, which get the key limits
/// instead of the anonymous ones. Entries (the SHA-256 of each key's secret, never the secret) go where the service
/// reads them: the storage account's <c>sithsynth-api-keys</c> container (--storage, --storage-file, SITHSYNTH_STORAGE,
/// or --account-url with an Entra ID sign-in, as for a deployed app), else the folder serve keeps beside --artifacts.
/// </summary>
internal static class ApiKeyCommand
{
    public static Command Create()
    {
        var label = new Option<string>("--label") { Description = "Who or what the key is for, shown by list.", DefaultValueFactory = _ => "" };
        var issue = new Command("issue", "Issue a new API key and print it once; only its hash is stored.") { label };
        AddPlace(issue, out var issuePlace);
        issue.SetAction(async (result, cancel) =>
        {
            var ring = Ring(issuePlace(result));
            var (entry, key) = await Guard(() => ring.IssueAsync(result.GetValue(label)!, cancel)).ConfigureAwait(false);
            Console.WriteLine(key.ToString());
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Issued key {entry.Id} in {ring.Store.Location}. It is shown only now: send it as 'Authorization: Bearer KEY' or '{ApiKeyRing.HeaderName}: KEY'."));
            return 0;
        });

        var list = new Command("list", "List the keys: id, issued, revoked, label (never a secret).");
        AddPlace(list, out var listPlace);
        list.SetAction(async (result, cancel) =>
        {
            var ring = Ring(listPlace(result));
            foreach (var entry in (await Guard(() => ring.Store.ListAsync(cancel)).ConfigureAwait(false)).OrderBy(e => e.IssuedAt))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{entry.Id}  issued {entry.IssuedAt:yyyy-MM-ddTHH:mm:ssZ}  {(entry.RevokedAt is { } at ? $"revoked {at:yyyy-MM-ddTHH:mm:ssZ}" : "active")}  {entry.Label}"));
            }

            return 0;
        });

        var id = new Argument<string>("id") { Description = "The key's id (the 16 hex digits after 'ssk.', as list prints them)." };
        var revoke = new Command("revoke", $"Revoke a key: requests with it get 401 within {ApiKeyRing.Freshness.TotalSeconds:0} s on every instance.") { id };
        AddPlace(revoke, out var revokePlace);
        revoke.SetAction(async (result, cancel) =>
        {
            var ring = Ring(revokePlace(result));
            var keyId = result.GetValue(id)!;
            var revoked = await Guard(() => ring.RevokeAsync(keyId, cancel)).ConfigureAwait(false)
                ?? throw new CommandLineException($"api-key revoke: there is no key {keyId} in {ring.Store.Location}.");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{revoked.Id} revoked {revoked.RevokedAt:yyyy-MM-ddTHH:mm:ssZ}"));
            return 0;
        });

        return new Command("api-key", "Issue, list and revoke the API keys that give programmatic clients higher limits.") { issue, list, revoke };
    }

    /// <summary>The store serve and the Functions app read: the account's key container, else the folder beside serve's files.</summary>
    public static IApiKeyStore Store(string? connectionString, string artifactsDirectory) => connectionString is { } connection
        ? new BlobApiKeyStore(new BlobServiceClient(connection).GetBlobContainerClient(BlobApiKeyStore.DefaultContainerName))
        : new FolderApiKeyStore(Path.Combine(artifactsDirectory, FolderApiKeyStore.DefaultFolderName));

    private static ApiKeyRing Ring(IApiKeyStore store) => new(store, TimeProvider.System);

    private static void AddPlace(Command command, out Func<ParseResult, IApiKeyStore> place)
    {
        var artifacts = new Option<DirectoryInfo>("--artifacts") { Description = "serve's --artifacts folder, when serve runs without Azure.", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("out", "serve")) };
        var storage = new Option<string?>("--storage") { Description = $"The storage account's connection string (Azurite: UseDevelopmentStorage=true); better {ServeCommand.StorageVariable} or --storage-file, as ps shows command lines." };
        var storageFile = new Option<FileInfo?>("--storage-file") { Description = "File holding the connection string (first line)." };
        var accountUrl = new Option<Uri?>("--account-url") { Description = "The artifacts account's Blob endpoint (https://ACCOUNT.blob.core.windows.net), signed in with Entra ID (az login); needs Storage Blob Data Contributor on it." };
        command.Options.Add(artifacts);
        command.Options.Add(storage);
        command.Options.Add(storageFile);
        command.Options.Add(accountUrl);
        place = result =>
        {
            var connection = ServeCommand.StorageConnection(result.GetValue(storage), result.GetValue(storageFile));
            if (result.GetValue(accountUrl) is not { } url)
            {
                try
                {
                    return Store(connection, result.GetValue(artifacts)!.FullName);
                }
                catch (Exception e) when (e is FormatException or ArgumentException)
                {
                    throw new CommandLineException($"--storage: {e.Message}", CommandLine.Usage);
                }
            }

            return connection is null && url.Scheme == Uri.UriSchemeHttps
                ? new BlobApiKeyStore(new BlobServiceClient(url, new DefaultAzureCredential()).GetBlobContainerClient(BlobApiKeyStore.DefaultContainerName))
                : throw new CommandLineException("--account-url: an https Blob endpoint, and without --storage or --storage-file.", CommandLine.Usage);
        };
    }

    private static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or AggregateException or AuthenticationFailedException or IOException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            var cause = e is AggregateException { InnerExceptions: [var first, ..] } ? first : e;
            throw new CommandLineException($"api-key: {cause.Message.Split('\n')[0]}");
        }
    }
}

namespace SithSynth.Pipeline.Access;

/// <summary>API keys as files (<c>ID.json</c>, readable by their owner only) in a folder: serve without Azure keeps them beside its files.</summary>
public sealed class FolderApiKeyStore(string folder) : IApiKeyStore
{
    /// <summary>The folder under serve's --artifacts that holds them.</summary>
    public const string DefaultFolderName = ".api-keys";

    public string Location => folder;

    public async Task<bool> CreateAsync(ApiKeyEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Directory.CreateDirectory(folder);
        try
        {
            await WriteAsync(entry, FileMode.CreateNew, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (IOException) when (File.Exists(PathOf(entry.Id)))
        {
            return false;
        }
    }

    public Task ReplaceAsync(ApiKeyEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return WriteAsync(entry, FileMode.Create, cancellationToken);
    }

    public async Task<ApiKeyEntry?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        try
        {
            return ApiKeyJson.Read(await File.ReadAllTextAsync(PathOf(id), cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<ApiKeyEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        var entries = new List<ApiKeyEntry>();
        if (!Directory.Exists(folder))
        {
            return entries;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            if (await FindAsync(Path.GetFileNameWithoutExtension(file), cancellationToken).ConfigureAwait(false) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>Ids are 16 hex digits (see <see cref="ApiKeyToken"/>), so a path built from one stays in the folder.</summary>
    private string PathOf(string id) => id.All(char.IsAsciiHexDigitLower) && id.Length == 16
        ? Path.Combine(folder, id + ".json")
        : Path.Combine(folder, "not-a-key-id");

    private async Task WriteAsync(ApiKeyEntry entry, FileMode mode, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var file = new FileStream(PathOf(entry.Id), options);
        await using var writer = new StreamWriter(file);
        await writer.WriteAsync(ApiKeyJson.Write(entry).AsMemory(), cancellationToken).ConfigureAwait(false);
    }
}

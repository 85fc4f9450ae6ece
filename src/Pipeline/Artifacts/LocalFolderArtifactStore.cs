namespace SithSynth.Pipeline.Artifacts;

/// <summary>
/// Artifacts as files under a folder (<c>{root}/generations/{id}/{variation}/leadsheet.mid</c>), for <c>sithsynth serve</c>
/// without Azure. Links point at the host's download route (<paramref name="linkBase"/>, e.g. <c>/api/files/</c>) and carry
/// an expiry and an HMAC from <see cref="LinkSigner"/> that the host checks before it serves a byte.
/// </summary>
public sealed class LocalFolderArtifactStore(string root, string linkBase, LinkSigner signer, TimeSpan linkLifetime, TimeProvider time) : IArtifactStore
{
    public string Folder { get; } = Path.GetFullPath(Path.Combine(root, ArtifactStorageSettings.DefaultContainerName));

    public LinkSigner Signer { get; } = signer;

    /// <summary>Where an artifact's file lives; names are validated on construction, so this never leaves <see cref="Folder"/>.</summary>
    public string PathOf(ArtifactName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Path.Combine(Folder, name.Value.Replace('/', Path.DirectorySeparatorChar));
    }

    public async Task SaveAsync(ArtifactName name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Written beside and moved into place, so a reader never sees half a file and a retried save just replaces it.
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        await File.WriteAllBytesAsync(partial, content.ToArray(), cancellationToken).ConfigureAwait(false);
        File.Move(partial, path, overwrite: true);
    }

    public async Task<byte[]> ReadAsync(ArtifactName name, CancellationToken cancellationToken = default)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no artifact '{name}'.", path);
        }

        return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
    }

    public Task<int> DeleteGenerationAsync(string generationId, CancellationToken cancellationToken = default)
    {
        // The manifest's name checks the id, so the folder deleted is always one generation's, inside Folder.
        var folder = Path.GetDirectoryName(PathOf(ArtifactName.Manifest(generationId)))!;
        if (!Directory.Exists(folder))
        {
            return Task.FromResult(0);
        }

        var count = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Count(file => ArtifactName.TryParse(Path.GetRelativePath(Folder, file).Replace(Path.DirectorySeparatorChar, '/'), out _));
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Another cleanup of the same generation got there first.
        }

        return Task.FromResult(count);
    }

    public Task<ArtifactLink> LinkAsync(ArtifactName name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        // Whole seconds, as the link carries them, so the expiry reported is the one that is enforced.
        var expires = DateTimeOffset.FromUnixTimeSeconds((time.GetUtcNow() + linkLifetime).ToUnixTimeSeconds());
        var url = new Uri($"{linkBase.TrimEnd('/')}/{name.Value}?{Signer.Sign(name.Value, expires)}", UriKind.RelativeOrAbsolute);
        return Task.FromResult(new ArtifactLink(url, expires));
    }
}

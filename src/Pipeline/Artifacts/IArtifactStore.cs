namespace SithSynth.Pipeline.Artifacts;

/// <summary>
/// Where generated files are kept and how people get at them. Saving is idempotent (the same name overwrites), so an
/// activity that is retried after a partial failure simply writes again.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Stores <paramref name="content"/> under <paramref name="name"/>, with the name's content type and download name.</summary>
    Task SaveAsync(ArtifactName name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Reads an artifact back; throws <see cref="FileNotFoundException"/> when there is none.</summary>
    Task<byte[]> ReadAsync(ArtifactName name, CancellationToken cancellationToken = default);

    /// <summary>A short-lived, read-only link a browser can download the artifact from.</summary>
    Task<ArtifactLink> LinkAsync(ArtifactName name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes everything stored for one generation (half-written files included) and says how many artifacts went; a
    /// generation with nothing stored is not an error, so a cleanup that is repeated or retried simply finds less.
    /// </summary>
    Task<int> DeleteGenerationAsync(string generationId, CancellationToken cancellationToken = default);
}

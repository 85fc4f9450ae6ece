using System.Collections.Concurrent;
using SithSynth.Pipeline.Artifacts;

namespace SithSynth.Pipeline.Tests.Orchestration;

/// <summary>
/// A real store that fails saves as the test says: <paramref name="fault"/> gets the name and the attempt number (1 for
/// the first save of that name) and returns the exception to throw, or null to let the save through. Counts attempts.
/// </summary>
internal sealed class FaultyArtifactStore(IArtifactStore inner, Func<ArtifactName, int, Exception?> fault) : IArtifactStore
{
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);

    public int Attempts(ArtifactName name) => _attempts.GetValueOrDefault(name.Value);

    public Task SaveAsync(ArtifactName name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var attempt = _attempts.AddOrUpdate(name.Value, 1, (_, n) => n + 1);
        return fault(name, attempt) is { } exception ? Task.FromException(exception) : inner.SaveAsync(name, content, cancellationToken);
    }

    public Task<byte[]> ReadAsync(ArtifactName name, CancellationToken cancellationToken = default) => inner.ReadAsync(name, cancellationToken);

    public Task<ArtifactLink> LinkAsync(ArtifactName name, CancellationToken cancellationToken = default) => inner.LinkAsync(name, cancellationToken);

    public Task<int> DeleteGenerationAsync(string generationId, CancellationToken cancellationToken = default) => inner.DeleteGenerationAsync(generationId, cancellationToken);
}

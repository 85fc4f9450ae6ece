using SithSynth.Pipeline.Artifacts;

namespace SithSynth.Pipeline.Tests.Orchestration;

/// <summary>A real store whose saves wait until the test opens the gate, so an orchestration can be caught mid-flight.</summary>
internal sealed class GatedArtifactStore(IArtifactStore inner) : IArtifactStore
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first save arrives at the gate.</summary>
    public Task Reached => _reached.Task;

    public void Open() => _gate.TrySetResult();

    public async Task SaveAsync(ArtifactName name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        _reached.TrySetResult();
        await _gate.Task.WaitAsync(cancellationToken);
        await inner.SaveAsync(name, content, cancellationToken);
    }

    public Task<byte[]> ReadAsync(ArtifactName name, CancellationToken cancellationToken = default) => inner.ReadAsync(name, cancellationToken);

    public Task<ArtifactLink> LinkAsync(ArtifactName name, CancellationToken cancellationToken = default) => inner.LinkAsync(name, cancellationToken);
}

using SithSynth.Pipeline.Artifacts;

namespace SithSynth.Pipeline.Tests.Orchestration;

/// <summary>A real store whose saves wait until the test opens the gate, so an orchestration can be caught mid-flight.</summary>
internal sealed class GatedArtifactStore(IArtifactStore inner) : IArtifactStore
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;
    private int _finished;

    /// <summary>Completes when the first save arrives at the gate.</summary>
    public Task Reached => _reached.Task;

    public void Open() => _gate.TrySetResult();

    /// <summary>
    /// Waits until every save that started has finished and none has started for <paramref name="quiet"/>: the
    /// activities that were in flight (or still queued) when their generation ended have done their writing.
    /// </summary>
    public async Task SettledAsync(TimeSpan quiet, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        var seen = -1;
        var since = DateTime.UtcNow;
        while (true)
        {
            var started = Volatile.Read(ref _started);
            if (started != seen || Volatile.Read(ref _finished) != started)
            {
                (seen, since) = (started, DateTime.UtcNow);
            }
            else if (DateTime.UtcNow - since >= quiet)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Saves still going after {patience}: {_finished} of {_started} finished.");
            }

            await Task.Delay(100);
        }
    }

    public async Task SaveAsync(ArtifactName name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _started);
        try
        {
            _reached.TrySetResult();
            await _gate.Task.WaitAsync(cancellationToken);
            await inner.SaveAsync(name, content, cancellationToken);
        }
        finally
        {
            Interlocked.Increment(ref _finished);
        }
    }

    public Task<byte[]> ReadAsync(ArtifactName name, CancellationToken cancellationToken = default) => inner.ReadAsync(name, cancellationToken);

    public Task<ArtifactLink> LinkAsync(ArtifactName name, CancellationToken cancellationToken = default) => inner.LinkAsync(name, cancellationToken);

    public Task<int> DeleteGenerationAsync(string generationId, CancellationToken cancellationToken = default) => inner.DeleteGenerationAsync(generationId, cancellationToken);
}

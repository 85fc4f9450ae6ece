using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.Query;
using SithSynth.Pipeline.Idempotency;

namespace SithSynth.Cli.Serving;

/// <summary>
/// The engine's client with "create" meaning create-if-absent. The sidecar passes no dedupe statuses unless a client
/// sends a reuse policy, and then the in-memory backend queues a second ExecutionStartedEvent for an id it already
/// has and its dispatcher fails on that instance forever. Here a create for an id that exists (or whose create is
/// still on its way into the store) is refused with <see cref="OrchestrationAlreadyExistsException"/>, which the sidecar
/// answers as AlreadyExists; the backend also gets every status as a dedupe status, so Azure Storage applies its own
/// check across processes. Queries and purges go straight to the backend (the sidecar offers them only when its
/// client does), and an id purged or seen in the store is forgotten here, so the set stays as small as the creates
/// in flight.
/// </summary>
internal sealed class CreateIfAbsentClient(IOrchestrationServiceClient inner) : IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
{
    private static readonly OrchestrationStatus[] EveryStatus = Enum.GetValues<OrchestrationStatus>();

    private readonly KeyedLock _lock = new();

    // Ids created here whose state the store may not show yet (the in-memory store writes it when the instance first runs).
    private readonly HashSet<string> _created = new(StringComparer.Ordinal);

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => CreateTaskOrchestrationAsync(creationMessage, EveryStatus);

    public async Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses)
    {
        ArgumentNullException.ThrowIfNull(creationMessage);
        var id = creationMessage.OrchestrationInstance.InstanceId;
        using (await _lock.EnterAsync(id).ConfigureAwait(false))
        {
            bool known;
            lock (_created)
            {
                known = _created.Contains(id);
            }

            var state = await inner.GetOrchestrationStateAsync(id, executionId: null).ConfigureAwait(false);
            if (known || state is not null)
            {
                if (state is not null)
                {
                    lock (_created)
                    {
                        _created.Remove(id);
                    }
                }

                throw new OrchestrationAlreadyExistsException($"An orchestration with id '{id}' already exists.");
            }

            await inner.CreateTaskOrchestrationAsync(creationMessage, EveryStatus).ConfigureAwait(false);
            lock (_created)
            {
                _created.Add(id);
            }
        }
    }

    public Task SendTaskOrchestrationMessageAsync(TaskMessage message) => inner.SendTaskOrchestrationMessageAsync(message);

    public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages) => inner.SendTaskOrchestrationMessageBatchAsync(messages);

    public Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken) =>
        inner.WaitForOrchestrationAsync(instanceId, executionId, timeout, cancellationToken);

    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) => inner.ForceTerminateTaskOrchestrationAsync(instanceId, reason);

    public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) => inner.GetOrchestrationStateAsync(instanceId, allExecutions);

    public async Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId)
    {
        var state = await inner.GetOrchestrationStateAsync(instanceId, executionId).ConfigureAwait(false);
        if (state is not null)
        {
            Forget(instanceId);
        }

        return state!;
    }

    public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) => inner.GetOrchestrationHistoryAsync(instanceId, executionId);

    public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) =>
        inner.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);

    public Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken) =>
        inner is IOrchestrationServiceQueryClient queries
            ? queries.GetOrchestrationWithQueryAsync(query, cancellationToken)
            : throw new NotSupportedException($"{inner.GetType().Name} cannot be queried.");

    public async Task<PurgeResult> PurgeInstanceStateAsync(string instanceId)
    {
        var result = await Purger.PurgeInstanceStateAsync(instanceId).ConfigureAwait(false);
        Forget(instanceId);
        return result;
    }

    /// <summary>Purges by filter; the ids are not known here, so none is forgotten (housekeeping purges by id).</summary>
    public Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter) => Purger.PurgeInstanceStateAsync(purgeInstanceFilter);

    private IOrchestrationServicePurgeClient Purger =>
        inner as IOrchestrationServicePurgeClient ?? throw new NotSupportedException($"{inner.GetType().Name} cannot purge instances.");

    private void Forget(string instanceId)
    {
        lock (_created)
        {
            _created.Remove(instanceId);
        }
    }

    /// <summary>Ids created here whose state the store has not shown yet; for the tests of the set's bound.</summary>
    internal int Pending
    {
        get
        {
            lock (_created)
            {
                return _created.Count;
            }
        }
    }
}

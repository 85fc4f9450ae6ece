namespace SithSynth.Pipeline.Orchestration;

/// <summary>
/// Turns at the models in this process: one sheet written per core at once, plus one turn kept for the first sheet of a
/// small generation (at most <see cref="SmallCost"/> bar-variations), and each freed turn goes to the waiting generation
/// that has had the fewest (first come among equals).
/// The dispatcher hands activities over first come, first served and the thread pool shares the cores among all of
/// them, so a 16-bar sheet arriving behind a flood of 40-bar × 8 generations used to share two cores with sixty-four
/// sheets. Here it starts at once in the kept turn (sharing the cores with one sheet per core, not with the whole
/// flood); a larger generation goes ahead of every generation that has already had a turn. The kept turn is one more
/// than the cores, so a flood alone still keeps every core busy (inference is one ONNX thread per sheet).
/// </summary>
public sealed class InferenceTurns
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Generation> _generations = new(StringComparer.Ordinal);
    private readonly List<(string Generation, int Cost, TaskCompletionSource<bool> Ready)> _waiting = [];
    private int _free;
    private bool _firstFree = true;

    public InferenceTurns(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        _free = slots;
    }

    /// <summary>Generations up to this many bar-variations (four 16-bar sheets, one 40-bar one) may take the kept turn.</summary>
    public const int SmallCost = 64;

    /// <summary>One turn per core of this machine (and the kept one), for every activity of the process.</summary>
    public static InferenceTurns Shared { get; } = ForThisProcess();

    // A turn holds a pool thread for a whole sheet (ONNX Runtime runs synchronously), and the pool keeps one thread per
    // core before it adds more, slowly, as it finds itself starved: with every turn taken, the HTTP handlers, the
    // dispatcher and the orchestrations waited for that, and a polite 16-bar generation under a flood spent 300–600 ms
    // outside its own stages. So the pool starts with a thread per turn on top of its own minimum.
    private static InferenceTurns ForThisProcess()
    {
        var slots = Environment.ProcessorCount;
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(workers + slots + 1, completionPorts);
        return new InferenceTurns(slots);
    }

    /// <summary>Sheets waiting for a turn right now.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>
    /// Waits for a turn for a sheet of <paramref name="generation"/>, which costs <paramref name="cost"/> bar-variations in
    /// all; disposing the turn gives it to the next.
    /// </summary>
    public async Task<IDisposable> EnterAsync(string generation, int cost)
    {
        ArgumentNullException.ThrowIfNull(generation);
        TaskCompletionSource<bool> ready;
        lock (_gate)
        {
            var entry = Entry(generation);
            if (entry.Turns == 0 && cost <= SmallCost && _firstFree)
            {
                _firstFree = false;
                return Grant(generation, entry, first: true);
            }

            if (_free > 0 && _waiting.Count == 0)
            {
                _free--;
                return Grant(generation, entry, first: false);
            }

            ready = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            entry.Waiting++;
            _waiting.Add((generation, cost, ready));
        }

        return new Turn(this, generation, await ready.Task.ConfigureAwait(false));
    }

    private Turn Grant(string generation, Generation entry, bool first)
    {
        entry.Running++;
        entry.Turns++;
        return new Turn(this, generation, first);
    }

    private Generation Entry(string generation)
    {
        if (!_generations.TryGetValue(generation, out var entry))
        {
            entry = new Generation();
            _generations[generation] = entry;
        }

        return entry;
    }

    private void Leave(string generation, bool first)
    {
        lock (_gate)
        {
            var left = _generations[generation];
            left.Running--;
            if (left is { Running: 0, Waiting: 0 })
            {
                _generations.Remove(generation);
            }

            // MinBy and FirstOrDefault keep the first of equals, and the list is in order of arrival.
            var next = first
                ? _waiting.FirstOrDefault(w => _generations[w.Generation].Turns == 0 && w.Cost <= SmallCost)
                : _waiting.Count > 0 ? _waiting.MinBy(w => _generations[w.Generation].Turns) : default;
            if (next.Ready is null)
            {
                if (first)
                {
                    _firstFree = true;
                }
                else
                {
                    _free++;
                }

                return;
            }

            _waiting.Remove(next);
            var entry = _generations[next.Generation];
            entry.Waiting--;
            entry.Running++;
            entry.Turns++;
            next.Ready.SetResult(first);
        }
    }

    private sealed class Generation
    {
        public int Running { get; set; }

        public int Waiting { get; set; }

        /// <summary>Turns given so far, while any of its sheets runs or waits.</summary>
        public int Turns { get; set; }
    }

    private sealed class Turn(InferenceTurns turns, string generation, bool first) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                turns.Leave(generation, first);
            }
        }
    }
}

namespace SithSynth.Pipeline.Orchestration;

/// <summary>
/// Turns at the cores for the CPU-heavy activities of this process (writing a sheet at the models, rendering MIDI and
/// MusicXML): one at once per core, plus one turn kept for the first piece of work of a small generation (at most
/// <see cref="SmallCost"/> bar-variations), and each freed turn goes to the waiting generation that has had the fewest
/// (first come among equals). While any small generation's work waits or runs, large generations hold at most one turn
/// fewer than the cores, so one core stays with the small work; with none, large generations use every core.
/// The dispatcher hands activities over first come, first served and the thread pool shares the cores among all of
/// them, so a 16-bar sheet arriving behind a flood of 40-bar × 8 generations used to share two cores with sixty-four
/// sheets. Here it starts at once in the kept turn, and as the flood's running sheets end (ONNX work cannot be
/// preempted) the flood keeps one core fewer until the small generation is done. The kept turn is one more than the
/// cores, so a flood alone still keeps every core busy (inference is one ONNX thread per sheet).
/// </summary>
public sealed class InferenceTurns
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Generation> _generations = new(StringComparer.Ordinal);
    private readonly List<(string Generation, int Cost, TaskCompletionSource<bool> Ready)> _waiting = [];
    private readonly int _largeMost;
    private int _free;
    private bool _firstFree = true;
    private int _large;
    private int _small;

    public InferenceTurns(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        _free = slots;

        // With one core the kept turn is all that is left to small work.
        _largeMost = Math.Max(1, slots - 1);
    }

    /// <summary>Generations up to this many bar-variations (four 16-bar sheets, one 40-bar one) are small work.</summary>
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

    /// <summary>Pieces of work waiting for a turn right now.</summary>
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

    /// <summary>Turns held right now by generations larger than <see cref="SmallCost"/>.</summary>
    public int HeldByLarge
    {
        get
        {
            lock (_gate)
            {
                return _large;
            }
        }
    }

    /// <summary>
    /// Waits for a turn for a piece of work of <paramref name="generation"/>, which costs <paramref name="cost"/>
    /// bar-variations in all; disposing the turn gives it to the next.
    /// </summary>
    public async Task<IDisposable> EnterAsync(string generation, int cost)
    {
        ArgumentNullException.ThrowIfNull(generation);
        var small = cost <= SmallCost;
        TaskCompletionSource<bool> ready;
        lock (_gate)
        {
            var entry = Entry(generation);
            if (small)
            {
                _small++;
            }

            if (small && entry.Turns == 0 && _firstFree)
            {
                _firstFree = false;
                Grant(entry, small, first: true);
                return new Turn(this, generation, small, first: true);
            }

            // A free slot with work waiting means none of that work may have it (large work kept off the small core).
            if (_free > 0 && MayTakeSlot(cost))
            {
                _free--;
                Grant(entry, small, first: false);
                return new Turn(this, generation, small, first: false);
            }

            ready = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            entry.Waiting++;
            _waiting.Add((generation, cost, ready));
        }

        return new Turn(this, generation, small, await ready.Task.ConfigureAwait(false));
    }

    private bool MayTakeSlot(int cost) => cost <= SmallCost || _small == 0 || _large < _largeMost;

    private void Grant(Generation entry, bool small, bool first)
    {
        entry.Running++;
        entry.Turns++;
        if (!small && !first)
        {
            _large++;
        }
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

    private void Leave(string generation, bool small, bool first)
    {
        lock (_gate)
        {
            var left = _generations[generation];
            left.Running--;
            if (left is { Running: 0, Waiting: 0 })
            {
                _generations.Remove(generation);
            }

            if (small)
            {
                _small--;
            }

            if (first)
            {
                _firstFree = true;
            }
            else
            {
                _free++;
                if (!small)
                {
                    _large--;
                }
            }

            Dispatch();
        }
    }

    // Hands out every turn that may go: the kept one to a small generation's first piece of work, the slots to the
    // generation that has had the fewest among the work allowed one. Called under the gate after every turn freed, so
    // the end of the last small work lets large work onto the core it kept free.
    private void Dispatch()
    {
        if (_firstFree)
        {
            // FirstOrDefault and MinBy keep the first of equals, and the list is in order of arrival.
            var next = _waiting.FirstOrDefault(w => _generations[w.Generation].Turns == 0 && w.Cost <= SmallCost);
            if (next.Ready is not null)
            {
                _firstFree = false;
                Hand(next, first: true);
            }
        }

        while (_free > 0)
        {
            var allowed = _waiting.Where(w => MayTakeSlot(w.Cost)).ToList();
            if (allowed.Count == 0)
            {
                return;
            }

            _free--;
            Hand(allowed.MinBy(w => _generations[w.Generation].Turns), first: false);
        }
    }

    private void Hand((string Generation, int Cost, TaskCompletionSource<bool> Ready) next, bool first)
    {
        _waiting.Remove(next);
        var entry = _generations[next.Generation];
        entry.Waiting--;
        Grant(entry, next.Cost <= SmallCost, first);
        next.Ready.SetResult(first);
    }

    private sealed class Generation
    {
        public int Running { get; set; }

        public int Waiting { get; set; }

        /// <summary>Turns given so far, while any of its work runs or waits.</summary>
        public int Turns { get; set; }
    }

    private sealed class Turn(InferenceTurns turns, string generation, bool small, bool first) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                turns.Leave(generation, small, first);
            }
        }
    }
}

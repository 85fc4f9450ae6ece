using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Pipeline.Tests.Orchestration;

/// <summary>One sheet per slot at a time, one turn kept for a small generation's first sheet, freed turns to the generation that has had the fewest.</summary>
public sealed class InferenceTurnsTests
{
    [Fact]
    public async Task A_small_generation_arriving_behind_a_flood_starts_at_once_in_the_kept_turn()
    {
        var turns = new InferenceTurns(2);
        var flood = new List<Task<IDisposable>>();
        for (var i = 0; i < 16; i++)
        {
            flood.Add(turns.EnterAsync($"heavy-{i % 4}", 320));
        }

        // The two slots; the kept turn is not for 320 bar-variations, however many first sheets wait.
        Assert.Equal(2, flood.Count(t => t.IsCompleted));

        var polite = turns.EnterAsync("polite", 16);
        Assert.True(polite.IsCompleted);
        (await polite).Dispose();
        Assert.True(turns.EnterAsync("polite-2", 16).IsCompleted);
        Assert.False(turns.EnterAsync("polite-3", 16).IsCompleted);
    }

    [Fact]
    public async Task A_freed_turn_goes_to_the_generation_that_has_had_the_fewest_not_to_the_first_in_line()
    {
        var turns = new InferenceTurns(1);
        var kept = await turns.EnterAsync("a", 16);        // a's first sheet: the kept turn
        var slot = await turns.EnterAsync("a", 16);        // the slot
        var a3 = turns.EnterAsync("a", 16);
        var a4 = turns.EnterAsync("a", 16);
        var b1 = turns.EnterAsync("b", 16);                // b's first sheet: waits, as the kept turn is taken

        slot.Dispose();                                // a has had 2 turns, b none: b goes first
        Assert.True(await Granted(b1));
        Assert.False(await Granted(a3, soon: true));

        kept.Dispose();                                // the kept turn waits for a first sheet; none is waiting
        Assert.False(await Granted(a3, soon: true));

        (await b1).Dispose();
        Assert.True(await Granted(a3));
        Assert.False(await Granted(a4, soon: true));
        (await a3).Dispose();
        (await a4).Dispose();
        Assert.Equal(0, turns.Waiting);
    }

    /// <summary>A granted turn reaches its waiter on the thread pool, so "granted" waits for it and "not granted" looks a little later.</summary>
    private static async Task<bool> Granted(Task<IDisposable> turn, bool soon = false) =>
        await Task.WhenAny(turn, Task.Delay(soon ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(10))) == turn;

    [Fact]
    public async Task Turns_given_back_are_not_lost_so_a_long_run_never_stalls()
    {
        var turns = new InferenceTurns(2);
        var running = 0;
        var most = 0;
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            using (await turns.EnterAsync($"g{i % 7}", i % 2 == 0 ? 16 : 320))
            {
                most = Math.Max(most, Interlocked.Increment(ref running));
                await Task.Yield();
                Interlocked.Decrement(ref running);
            }
        })));

        Assert.InRange(most, 1, 3);
        Assert.Equal(0, turns.Waiting);
    }

    [Fact]
    public void The_process_turns_leave_the_thread_pool_a_thread_per_core_beside_every_turn_held()
    {
        _ = InferenceTurns.Shared;
        ThreadPool.GetMinThreads(out var workers, out _);

        // Every turn (one per core and the kept one) may block a pool thread in ONNX Runtime for a whole sheet.
        Assert.True(workers >= (2 * Environment.ProcessorCount) + 1, $"{workers} pool threads at least");
    }
}

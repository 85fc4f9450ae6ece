using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Pipeline.Tests.Orchestration;

/// <summary>One sheet per slot at a time, one turn kept for a generation's first sheet, freed turns to the generation that has had the fewest.</summary>
public sealed class InferenceTurnsTests
{
    [Fact]
    public async Task A_small_generation_arriving_behind_a_flood_starts_at_once_in_the_kept_turn()
    {
        var turns = new InferenceTurns(2);
        var flood = new List<Task<IDisposable>>();
        for (var i = 0; i < 16; i++)
        {
            flood.Add(turns.EnterAsync($"heavy-{i % 2}"));
        }

        // Two slots plus the kept turn (taken by the first heavy sheet, its generation's first).
        Assert.Equal(3, flood.Count(t => t.IsCompleted));

        using (var first = await flood.First(t => t.IsCompleted))
        {
        }

        var polite = turns.EnterAsync("polite");
        Assert.True(polite.IsCompleted);
        (await polite).Dispose();
    }

    [Fact]
    public async Task A_freed_turn_goes_to_the_generation_that_has_had_the_fewest_not_to_the_first_in_line()
    {
        var turns = new InferenceTurns(1);
        var kept = await turns.EnterAsync("a");        // a's first sheet: the kept turn
        var slot = await turns.EnterAsync("a");        // the slot
        var a3 = turns.EnterAsync("a");
        var a4 = turns.EnterAsync("a");
        var b1 = turns.EnterAsync("b");                // b's first sheet: waits, as the kept turn is taken

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
            using (await turns.EnterAsync($"g{i % 7}"))
            {
                most = Math.Max(most, Interlocked.Increment(ref running));
                await Task.Yield();
                Interlocked.Decrement(ref running);
            }
        })));

        Assert.InRange(most, 1, 3);
        Assert.Equal(0, turns.Waiting);
    }
}

using SithSynth.Domain.Music;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Pipeline.Tests.Orchestration;

/// <summary>
/// One piece of work per slot at a time, one turn kept for a small generation's first, freed turns to the generation
/// that has had the fewest, and large generations kept off one slot while small work is present.
/// </summary>
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
    public async Task A_waiting_small_generation_is_granted_a_freed_slot_before_a_large_one_that_has_had_fewer_turns()
    {
        var turns = new InferenceTurns(2);
        var a1 = await turns.EnterAsync("large-a", 320);
        var a2 = await turns.EnterAsync("large-a", 320);
        var kept = await turns.EnterAsync("polite", 16);   // the kept turn
        var p2 = turns.EnterAsync("polite", 16);           // polite has had one turn
        var b1 = turns.EnterAsync("large-b", 320);         // b none, but it is large
        Assert.Equal(2, turns.Waiting);

        a1.Dispose();
        Assert.Equal(1, turns.Waiting);
        Assert.Equal(1, turns.HeldByLarge);
        Assert.False(b1.IsCompleted);
        (await p2).Dispose();                          // the slot went to the polite sheet

        // Small work is still present (the kept turn), so the slot freed by the polite sheet stays with small work.
        Assert.Equal(1, turns.Waiting);
        Assert.False(b1.IsCompleted);

        a2.Dispose();                                  // the large ones are down to none: b may have a slot
        (await b1).Dispose();
        kept.Dispose();
        Assert.Equal(0, turns.Waiting);
        Assert.Equal(0, turns.HeldByLarge);
    }

    [Fact]
    public async Task With_no_small_work_large_generations_take_every_slot_and_get_the_kept_core_back_when_small_work_ends()
    {
        var turns = new InferenceTurns(2);
        var a = await turns.EnterAsync("large-a", 320);
        var b = await turns.EnterAsync("large-b", 320);
        var c = turns.EnterAsync("large-c", 320);
        Assert.Equal(2, turns.HeldByLarge);
        Assert.False(c.IsCompleted);

        var polite = await turns.EnterAsync("polite", 16);
        a.Dispose();
        Assert.Equal(1, turns.HeldByLarge);            // the freed slot is kept for small work, though c waits
        Assert.False(c.IsCompleted);

        polite.Dispose();                              // no small work left: c takes the slot
        Assert.Equal(2, turns.HeldByLarge);
        (await c).Dispose();
        b.Dispose();
        Assert.Equal(0, turns.HeldByLarge);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    public async Task While_small_work_is_present_large_generations_never_hold_more_than_all_slots_but_one(int slots, int seed)
    {
        var turns = new InferenceTurns(slots);
        var random = new Random(seed);
        var entered = new List<(bool Small, Task<IDisposable> Turn)>();
        var smallPresent = 0;
        var mostLarge = 0;
        var mostLargeWithSmall = 0;
        var heldBefore = 0;
        for (var step = 0; step < 400; step++)
        {
            var granted = entered.Where(e => e.Turn.IsCompleted).ToList();
            if (random.Next(2) == 0 || granted.Count == 0)
            {
                var small = random.Next(6) == 0;
                smallPresent += small ? 1 : 0;
                entered.Add((small, turns.EnterAsync($"{(small ? "polite" : "flood")}-{random.Next(5)}", small ? 16 : 320)));
            }
            else
            {
                var leaving = granted[random.Next(granted.Count)];
                entered.Remove(leaving);
                smallPresent -= leaving.Small ? 1 : 0;
                (await leaving.Turn).Dispose();
            }

            // A turn handed over reaches its waiter on the thread pool: wait until every granted one has.
            await Until(() => entered.Count(e => e.Turn.IsCompleted) == entered.Count - turns.Waiting);
            var held = turns.HeldByLarge;
            mostLarge = Math.Max(mostLarge, held);
            if (smallPresent > 0)
            {
                // Running work is not preempted: more than slots − 1 only as a leftover from before small work came.
                Assert.True(held <= slots - 1 || held <= heldBefore, $"step {step}: {held} large turns granted beside small work");
                mostLargeWithSmall = Math.Max(mostLargeWithSmall, held);
            }
            else if (entered.Any(e => !e.Small && !e.Turn.IsCompleted))
            {
                Assert.Equal(slots, held);
            }

            heldBefore = held;
        }

        // Large work beside small work had its slots − 1, not fewer, and without small work every slot.
        Assert.True(mostLargeWithSmall >= slots - 1);
        Assert.Equal(slots, mostLarge);
        while (entered.Count > 0)
        {
            await Until(() => entered.Any(e => e.Turn.IsCompleted));
            var leaving = entered.First(e => e.Turn.IsCompleted);
            entered.Remove(leaving);
            (await leaving.Turn).Dispose();
        }

        Assert.Equal(0, turns.Waiting);
        Assert.Equal(0, turns.HeldByLarge);
    }

    [Fact]
    public async Task A_flood_render_waits_for_a_turn_while_a_small_generation_renders_at_once_in_the_kept_one()
    {
        using var folder = new TemporaryFolder();
        var store = new LocalFolderArtifactStore(folder.Path, "/api/files", LinkSigner.WithNewKey(), TimeSpan.FromHours(1), TimeProvider.System);
        var sheet = new LeadSheet(TimeSignature.Parse("2/4"), Key.CMajor, 100, [new Measure([new MelodyEvent(ChordSymbol.Parse("C"), 67, Duration.Parse("2"))])]);
        var flood = ArtifactName.Of("flood", 1, ArtifactKind.Score);
        var polite = ArtifactName.Of("polite", 1, ArtifactKind.Score);
        await store.SaveAsync(flood, ScoreDocument.From(sheet, "flood").ToJson());
        await store.SaveAsync(polite, ScoreDocument.From(sheet, "polite").ToJson());

        var turns = new InferenceTurns(1);
        var sheetAtTheModels = await turns.EnterAsync("another-flood", 320);
        var floodMidi = new RenderMidiActivity(store, turns).ExecuteAsync(new RenderWork(flood.Value, Cost: 320));
        await Until(() => turns.Waiting == 1);
        Assert.False(floodMidi.IsCompleted);

        var politeXml = await new RenderMusicXmlActivity(store, turns).ExecuteAsync(new RenderWork(polite.Value, null, 16));
        Assert.Equal(ArtifactName.Of("polite", 1, ArtifactKind.MusicXml).Value, politeXml);
        Assert.False(floodMidi.IsCompleted);

        sheetAtTheModels.Dispose();
        Assert.Equal(ArtifactName.Of("flood", 1, ArtifactKind.Midi).Value, await floodMidi);
        Assert.Equal(0, turns.HeldByLarge);
    }

    /// <summary>Waits for a state the thread pool brings about (a granted turn reaching its waiter), for at most ten seconds.</summary>
    private static async Task Until(Func<bool> condition)
    {
        var patience = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < patience, "The turns did not settle.");
            await Task.Delay(1);
        }
    }
}

using SithSynth.Pipeline.Idempotency;
using SithSynth.Pipeline.Tests.Handlers;

namespace SithSynth.Pipeline.Tests.Idempotency;

/// <summary>A secret loaded on first use is loaded once, and asked for again only after a failed load.</summary>
public sealed class IdempotencyScopeTests
{
    [Fact]
    public async Task The_secret_is_loaded_once_for_every_request_after()
    {
        var loads = 0;
        var scope = new IdempotencyScope(_ =>
        {
            Interlocked.Increment(ref loads);
            return Task.FromResult(new byte[32]);
        });
        var request = ApiFixture.Post("{}", idempotencyKey: "k");

        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => scope.IdForAsync(request, "k")));

        Assert.Single(ids.Distinct());
        Assert.InRange(loads, 1, 2); // two requests may both find it unloaded; never one load per request
        await scope.IdForAsync(request, "k");
        Assert.InRange(loads, 1, 2);
    }

    [Fact]
    public async Task A_failed_load_fails_its_request_and_the_next_request_loads_again()
    {
        var attempts = 0;
        var scope = new IdempotencyScope(_ => ++attempts == 1
            ? Task.FromException<byte[]>(new InvalidOperationException("storage is down"))
            : Task.FromResult(new byte[32]));
        var request = ApiFixture.Post("{}", idempotencyKey: "k");

        await Assert.ThrowsAsync<InvalidOperationException>(() => scope.IdForAsync(request, "k"));
        var id = await scope.IdForAsync(request, "k");

        Assert.Equal(2, attempts);
        Assert.Equal(id, await new IdempotencyScope(new byte[32]).IdForAsync(request, "k"));
    }

    [Fact]
    public void A_secret_shorter_than_16_bytes_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new IdempotencyScope(new byte[15]));
    }
}

using Azure.Storage.Blobs;
using SithSynth.Pipeline.Admission;
using SithSynth.Pipeline.Tests.Artifacts;

namespace SithSynth.Pipeline.Tests.Admission;

/// <summary>Instances of a scaled-out app, each with its own client, spend from one budget in storage.</summary>
[Collection(SharedAzurite.Name)]
public sealed class BlobAdmissionLedgerTests(Azurite azurite)
{
    [Fact]
    public async Task Three_instances_spending_at_once_admit_exactly_the_budget_and_lose_no_spend()
    {
        var name = "admission-" + Guid.NewGuid().ToString("N")[..12];
        var instances = Enumerable.Range(0, 3).Select(_ => new BlobAdmissionLedger(Container(name))).ToList();

        // 30 spends of 10 against a budget of 100, from three instances at once.
        var spends = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => instances[i % 3].TryConsumeAsync("client-a", 7, 10, 100))));

        Assert.Equal(10, spends.Count(s => s.Admitted));
        Assert.Equal(100, (await instances[0].TryConsumeAsync("client-a", 7, 0, 100)).Used);
    }

    [Fact]
    public async Task A_new_window_starts_from_nothing_and_buckets_do_not_share()
    {
        var ledger = new BlobAdmissionLedger(Container("admission-" + Guid.NewGuid().ToString("N")[..12]));

        Assert.True((await ledger.TryConsumeAsync("client-a", 1, 60, 64)).Admitted);
        Assert.False((await ledger.TryConsumeAsync("client-a", 1, 16, 64)).Admitted);
        Assert.True((await ledger.TryConsumeAsync("client-b", 1, 16, 64)).Admitted);

        var next = await ledger.TryConsumeAsync("client-a", 2, 16, 64);
        Assert.Equal(new LedgerEntry(true, 16), next);
    }

    private BlobContainerClient Container(string name) =>
        new BlobServiceClient(azurite.ConnectionString, azurite.ClientOptions).GetBlobContainerClient(name);
}

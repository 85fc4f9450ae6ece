using Azure.Storage.Blobs;
using SithSynth.Pipeline.Idempotency;
using SithSynth.Pipeline.Tests.Artifacts;
using SithSynth.Pipeline.Tests.Handlers;

namespace SithSynth.Pipeline.Tests.Idempotency;

/// <summary>Instances of a scaled-out app, each with its own client, agree on one secret in storage.</summary>
[Collection(SharedAzurite.Name)]
public sealed class SharedSecretBlobTests(Azurite azurite)
{
    [Fact]
    public async Task The_first_instance_creates_the_container_and_the_secret_and_later_ones_read_it()
    {
        var container = Container();

        var first = await new SharedSecretBlob(container).ReadOrCreateAsync();
        var later = await new SharedSecretBlob(Container(container.Name)).ReadOrCreateAsync();

        Assert.True(first.Length >= IdempotencyScope.MinSecretBytes);
        Assert.Equal(first, later);
        Assert.Equal(first, (await container.GetBlobClient(SharedSecretBlob.DefaultBlobName).DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task Instances_starting_at_once_all_end_up_with_the_same_secret()
    {
        var name = Container().Name;

        var secrets = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => new SharedSecretBlob(Container(name)).ReadOrCreateAsync())));

        Assert.Single(secrets.Select(Convert.ToHexString).Distinct());
    }

    [Fact]
    public async Task Scopes_on_two_instances_give_one_key_the_same_id_and_a_new_secret_a_different_one()
    {
        var name = Container().Name;
        var one = new IdempotencyScope(new SharedSecretBlob(Container(name)).ReadOrCreateAsync);
        var other = new IdempotencyScope(new SharedSecretBlob(Container(name)).ReadOrCreateAsync);
        var elsewhere = new IdempotencyScope(new SharedSecretBlob(Container()).ReadOrCreateAsync);
        var request = ApiFixture.Post("{}", idempotencyKey: "retry-me");

        var id = await one.IdForAsync(request, "retry-me");

        Assert.Equal(id, await other.IdForAsync(request, "retry-me"));
        Assert.NotEqual(id, await elsewhere.IdForAsync(request, "retry-me"));
    }

    [Fact]
    public async Task A_secret_blob_too_short_to_be_one_is_refused_by_name()
    {
        var container = Container();
        await container.CreateAsync();
        await container.GetBlobClient(SharedSecretBlob.DefaultBlobName).UploadAsync(BinaryData.FromString("short"));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => new SharedSecretBlob(container).ReadOrCreateAsync());

        Assert.Contains($"{container.Name}/{SharedSecretBlob.DefaultBlobName}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("5 bytes", refused.Message, StringComparison.Ordinal);
    }

    private BlobContainerClient Container(string? name = null) =>
        new BlobServiceClient(azurite.ConnectionString, azurite.ClientOptions).GetBlobContainerClient(name ?? "secrets-" + Guid.NewGuid().ToString("N")[..12]);
}

using System.Net;
using System.Web;
using Azure.Storage.Blobs;
using SithSynth.Pipeline.Artifacts;

namespace SithSynth.Pipeline.Tests.Artifacts;

/// <summary>The Blob Storage store against Azurite, both signing paths: what a browser can and cannot do with a link.</summary>
[Collection(SharedAzurite.Name)]
public sealed class BlobArtifactStoreTests(Azurite azurite)
{
    private static readonly byte[] Midi = [0x4d, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 1, 0, 2, 1, 0xe0];

    public static TheoryData<SasSigning> Signings => [SasSigning.AccountKey, SasSigning.UserDelegation];

    [Fact]
    public async Task A_link_downloads_the_file_with_its_content_type_and_download_name()
    {
        var store = await StoreAsync(SasSigning.AccountKey);
        var name = ArtifactName.Of("abc123", 2, ArtifactKind.Midi);
        await store.SaveAsync(name, Midi);

        var link = await store.LinkAsync(name);
        using var browser = azurite.Browser();
        using var response = await browser.GetAsync(link.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Midi, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("audio/midi", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment; filename=\"leadsheet-abc123-2.mid\"", response.Content.Headers.ContentDisposition!.ToString());
    }

    [Theory]
    [MemberData(nameof(Signings))]
    public async Task A_link_is_read_only_https_only_and_lives_an_hour(SasSigning signing)
    {
        var store = await StoreAsync(signing);
        var name = ArtifactName.Of("abc123", 1, ArtifactKind.MusicXml);
        await store.SaveAsync(name, Midi);
        var before = DateTimeOffset.UtcNow;

        var link = await store.LinkAsync(name);

        var query = HttpUtility.ParseQueryString(link.Url.Query);
        Assert.Equal("r", query["sp"]);
        Assert.Equal("https", query["spr"]);
        Assert.Equal("b", query["sr"]);
        Assert.InRange(link.ExpiresAt, before.AddHours(1).AddSeconds(-1), DateTimeOffset.UtcNow.AddHours(1).AddSeconds(1));

        // A user-delegation link names the identity that signed it; an account-key link does not.
        Assert.Equal(signing == SasSigning.UserDelegation ? UnsignedEntraToken.ObjectId : null, query["skoid"]);
        Assert.Equal(signing == SasSigning.UserDelegation ? UnsignedEntraToken.TenantId : null, query["sktid"]);
    }

    [Fact]
    public async Task Writing_through_a_link_is_refused()
    {
        var store = await StoreAsync(SasSigning.AccountKey);
        var name = ArtifactName.Of("abc123", 1, ArtifactKind.Report);
        await store.SaveAsync(name, "{}"u8.ToArray());

        var link = await store.LinkAsync(name);
        using var browser = azurite.Browser();
        using var overwrite = new HttpRequestMessage(HttpMethod.Put, link.Url) { Content = new ByteArrayContent("{\"evil\":true}"u8.ToArray()) };
        overwrite.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var response = await browser.SendAsync(overwrite);
        using var delete = await browser.DeleteAsync(link.Url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal("{}"u8.ToArray(), await store.ReadAsync(name));
    }

    [Fact]
    public async Task An_expired_link_is_refused()
    {
        var container = await ContainerAsync();
        var name = ArtifactName.Of("abc123", 1, ArtifactKind.Midi);
        var store = await StoreAsync(SasSigning.AccountKey, container);
        await store.SaveAsync(name, Midi);
        using var browser = azurite.Browser();
        using var fresh = await browser.GetAsync((await store.LinkAsync(name)).Url);

        // The same file, signed two hours ago with a one-hour lifetime.
        var past = await StoreAsync(SasSigning.AccountKey, container, new FixedClock(DateTimeOffset.UtcNow.AddHours(-2)));
        var link = await past.LinkAsync(name);
        using var response = await browser.GetAsync(link.Url);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);

        Assert.True(link.ExpiresAt < DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_link_with_a_tampered_signature_is_refused()
    {
        var store = await StoreAsync(SasSigning.AccountKey);
        var name = ArtifactName.Of("abc123", 3, ArtifactKind.Midi);
        await store.SaveAsync(name, Midi);
        var link = await store.LinkAsync(name);

        var other = new Uri(link.Url.AbsoluteUri.Replace("/3/leadsheet.mid", "/3/leadsheet.musicxml", StringComparison.Ordinal));
        using var browser = azurite.Browser();
        using var response = await browser.GetAsync(other);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Saving_again_overwrites_and_a_missing_artifact_is_file_not_found()
    {
        var store = await StoreAsync(SasSigning.AccountKey);
        var name = ArtifactName.Of("abc123", 1, ArtifactKind.Score);

        await store.SaveAsync(name, new byte[] { 1 });
        await store.SaveAsync(name, new byte[] { 2, 3 });

        Assert.Equal(new byte[] { 2, 3 }, await store.ReadAsync(name));
        await Assert.ThrowsAsync<FileNotFoundException>(() => store.ReadAsync(ArtifactName.Of("abc123", 2, ArtifactKind.Score)));
    }

    [Fact]
    public async Task One_user_delegation_key_signs_every_link_until_it_nears_its_expiry()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        var store = await StoreAsync(SasSigning.UserDelegation, time: clock);
        var midi = ArtifactName.Of("abc123", 1, ArtifactKind.Midi);
        var report = ArtifactName.Of("abc123", 1, ArtifactKind.Report);

        var first = HttpUtility.ParseQueryString((await store.LinkAsync(midi)).Url.Query);
        clock.Now += TimeSpan.FromMinutes(10);
        var second = HttpUtility.ParseQueryString((await store.LinkAsync(report)).Url.Query);
        clock.Now += TimeSpan.FromDays(1);
        var third = HttpUtility.ParseQueryString((await store.LinkAsync(midi)).Url.Query);

        // skt/ske are the key's own validity: the same key for the first two links, a new one once it would expire.
        Assert.Equal((first["skt"], first["ske"]), (second["skt"], second["ske"]));
        Assert.NotEqual(first["ske"], third["ske"]);
        Assert.NotEqual(first["se"], second["se"]);
    }

    /// <summary>
    /// Azurite 3.35 hands out user delegation keys (OAuth over HTTPS) and checks user-delegation SAS signatures, but only
    /// in the string-to-sign of service versions up to 2025-07-05; the .NET SDK always signs with its newest version
    /// (sv=2026-10-06, BlobSasBuilder.Version is ignored), whose string-to-sign has more fields. So Azurite refuses every
    /// user-delegation link this SDK makes, valid or not, and downloads are proven with account-key links above. When this
    /// test fails, Azurite has caught up: turn the download, write and expiry tests into theories over both signings.
    /// </summary>
    [Fact]
    public async Task Azurite_cannot_yet_check_the_sdks_user_delegation_signatures()
    {
        var store = await StoreAsync(SasSigning.UserDelegation);
        var name = ArtifactName.Of("abc123", 1, ArtifactKind.Midi);
        await store.SaveAsync(name, Midi);

        var link = await store.LinkAsync(name);
        using var browser = azurite.Browser();
        using var response = await browser.GetAsync(link.Url);

        Assert.Equal("2026-10-06", HttpUtility.ParseQueryString(link.Url.Query)["sv"]);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("AuthorizationFailure", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Account_key_signing_needs_a_client_that_holds_the_key()
    {
        var tokenClient = new BlobServiceClient(azurite.BlobEndpoint, new UnsignedEntraToken(), azurite.ClientOptions);

        Assert.Throws<InvalidOperationException>(() => new BlobArtifactStore(tokenClient, "c", SasSigning.AccountKey, TimeSpan.FromHours(1), TimeProvider.System));
    }

    [Fact]
    public async Task Deleting_a_generation_removes_every_blob_under_its_id_and_nothing_of_another()
    {
        var store = await StoreAsync(SasSigning.AccountKey);
        ArtifactName[] names = [ArtifactName.Of("abc", 1, ArtifactKind.Score), ArtifactName.Of("abc", 2, ArtifactKind.Midi), ArtifactName.Manifest("abc")];
        foreach (var name in names)
        {
            await store.SaveAsync(name, Midi);
        }

        var other = ArtifactName.Of("abcd", 1, ArtifactKind.Midi);
        await store.SaveAsync(other, Midi);

        Assert.Equal(3, await store.DeleteGenerationAsync("abc"));

        foreach (var name in names)
        {
            await Assert.ThrowsAsync<FileNotFoundException>(() => store.ReadAsync(name));
        }

        Assert.Equal(Midi, await store.ReadAsync(other));
        Assert.Equal(0, await store.DeleteGenerationAsync("abc"));
    }

    private async Task<string> ContainerAsync()
    {
        var container = "t" + Guid.NewGuid().ToString("N");
        await new BlobServiceClient(azurite.ConnectionString, azurite.ClientOptions).GetBlobContainerClient(container).CreateAsync();
        return container;
    }

    private async Task<BlobArtifactStore> StoreAsync(SasSigning signing, string? container = null, TimeProvider? time = null)
    {
        container ??= await ContainerAsync();
        var client = signing == SasSigning.AccountKey
            ? new BlobServiceClient(azurite.ConnectionString, azurite.ClientOptions)
            : new BlobServiceClient(azurite.BlobEndpoint, new UnsignedEntraToken(), azurite.ClientOptions);
        return new BlobArtifactStore(client, container, signing, ArtifactStorageSettings.DefaultLinkLifetime, time ?? TimeProvider.System);
    }
}

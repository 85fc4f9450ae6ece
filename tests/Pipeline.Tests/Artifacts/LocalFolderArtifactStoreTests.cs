using System.Web;
using SithSynth.Pipeline.Artifacts;

namespace SithSynth.Pipeline.Tests.Artifacts;

public sealed class LocalFolderArtifactStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 22, 0, 0, TimeSpan.Zero);
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Files_land_under_generations_and_read_back()
    {
        var store = new LocalFolderArtifactStore(_folder.Path, "/api/files", LinkSigner.WithNewKey(), TimeSpan.FromHours(1), new FixedClock(Now));
        var name = ArtifactName.Of("abc", 3, ArtifactKind.Midi);

        await store.SaveAsync(name, new byte[] { 1, 2, 3 });
        await store.SaveAsync(name, new byte[] { 4, 5 });

        Assert.Equal(Path.Combine(_folder.Path, "generations", "abc", "3", "leadsheet.mid"), store.PathOf(name));
        Assert.Equal(new byte[] { 4, 5 }, await store.ReadAsync(name));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(store.PathOf(name))!));
        await Assert.ThrowsAsync<FileNotFoundException>(() => store.ReadAsync(ArtifactName.Of("abc", 4, ArtifactKind.Midi)));
    }

    [Fact]
    public async Task Deleting_a_generation_removes_its_files_and_half_written_ones_and_nothing_of_another()
    {
        var store = new LocalFolderArtifactStore(_folder.Path, "/api/files", LinkSigner.WithNewKey(), TimeSpan.FromHours(1), new FixedClock(Now));
        ArtifactName[] names = [ArtifactName.Of("abc", 1, ArtifactKind.Score), ArtifactName.Of("abc", 2, ArtifactKind.Midi), ArtifactName.Manifest("abc")];
        foreach (var name in names)
        {
            await store.SaveAsync(name, new byte[] { 1 });
        }

        var other = ArtifactName.Of("abcd", 1, ArtifactKind.Midi);
        await store.SaveAsync(other, new byte[] { 2 });
        await File.WriteAllBytesAsync(store.PathOf(names[1]) + ".0123.partial", [3]);

        Assert.Equal(3, await store.DeleteGenerationAsync("abc"));

        Assert.False(Directory.Exists(Path.Combine(store.Folder, "abc")));
        Assert.Equal(new byte[] { 2 }, await store.ReadAsync(other));
        Assert.Equal(0, await store.DeleteGenerationAsync("abc"));
        Assert.Throws<ArgumentException>(() => store.DeleteGenerationAsync("..").GetAwaiter().GetResult());
    }

    [Fact]
    public async Task Links_point_at_the_host_route_and_verify_with_the_store_signer()
    {
        var store = new LocalFolderArtifactStore(_folder.Path, "/api/files/", LinkSigner.WithNewKey(), TimeSpan.FromMinutes(15), new FixedClock(Now));
        var name = ArtifactName.Of("abc", 1, ArtifactKind.MusicXml);

        var link = await store.LinkAsync(name);

        Assert.False(link.Url.IsAbsoluteUri);
        Assert.StartsWith("/api/files/abc/1/leadsheet.musicxml?", link.Url.OriginalString, StringComparison.Ordinal);
        Assert.Equal(Now.AddMinutes(15), link.ExpiresAt);
        var query = HttpUtility.ParseQueryString(link.Url.OriginalString.Split('?')[1]);
        Assert.Equal(LinkVerdict.Valid, store.Signer.Verify(name.Value, query[LinkSigner.ExpiresParameter], query[LinkSigner.SignatureParameter], Now.AddMinutes(14)));
        Assert.Equal(LinkVerdict.Expired, store.Signer.Verify(name.Value, query[LinkSigner.ExpiresParameter], query[LinkSigner.SignatureParameter], Now.AddMinutes(15)));
    }
}

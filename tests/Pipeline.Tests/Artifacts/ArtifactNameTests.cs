using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Contract;

namespace SithSynth.Pipeline.Tests.Artifacts;

public sealed class ArtifactNameTests
{
    [Theory]
    [InlineData(ArtifactKind.Midi, "3fa2b1c9d0e1/2/leadsheet.mid", "audio/midi", "leadsheet-3fa2b1c9-2.mid")]
    [InlineData(ArtifactKind.MusicXml, "3fa2b1c9d0e1/2/leadsheet.musicxml", "application/vnd.recordare.musicxml+xml", "leadsheet-3fa2b1c9-2.musicxml")]
    [InlineData(ArtifactKind.Report, "3fa2b1c9d0e1/2/leadsheet.json", "application/json", "leadsheet-3fa2b1c9-2.json")]
    [InlineData(ArtifactKind.Score, "3fa2b1c9d0e1/2/score.json", "application/json", "leadsheet-3fa2b1c9-2.score.json")]
    public void Names_content_types_and_download_names_follow_the_kind(ArtifactKind kind, string value, string contentType, string download)
    {
        var name = ArtifactName.Of("3fa2b1c9d0e1", 2, kind);

        Assert.Equal(value, name.Value);
        Assert.Equal(contentType, name.ContentType);
        Assert.Equal(download, name.DownloadFileName);
        Assert.Equal($"attachment; filename=\"{download}\"", name.ContentDisposition);
        Assert.Equal(name, ArtifactName.Parse(value));
    }

    [Fact]
    public void Keyed_generations_download_under_their_hash_not_the_prefix()
    {
        var id = GenerationId.FromIdempotencyKey("order-17", "203.0.113.7", new byte[32]);

        Assert.Equal($"leadsheet-{id[2..10]}-1.mid", ArtifactName.Of(id, 1, ArtifactKind.Midi).DownloadFileName);
        Assert.Equal($"{id}/generation.json", ArtifactName.Manifest(id).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("abc/1")]
    [InlineData("abc/0/leadsheet.mid")]
    [InlineData("abc/01/leadsheet.mid")]
    [InlineData("abc/1/other.mid")]
    [InlineData("../etc/1/leadsheet.mid")]
    [InlineData("abc/1/../leadsheet.mid")]
    [InlineData("ABC/1/leadsheet.mid")]
    [InlineData("abc/1/leadsheet.mid/x")]
    [InlineData("abc/1/generation.json")]
    public void Anything_the_pipeline_does_not_write_is_refused(string value)
    {
        Assert.False(ArtifactName.TryParse(value, out _));
    }

    [Fact]
    public void A_bad_generation_id_cannot_make_a_name()
    {
        Assert.Throws<ArgumentException>(() => ArtifactName.Of("../x", 1, ArtifactKind.Midi));
        Assert.Throws<ArgumentOutOfRangeException>(() => ArtifactName.Of("abc", 0, ArtifactKind.Midi));
    }
}

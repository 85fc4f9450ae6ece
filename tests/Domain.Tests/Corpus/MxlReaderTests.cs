using System.IO.Compression;
using System.Text;
using SithSynth.Domain.Corpus;

namespace SithSynth.Domain.Tests.Corpus;

public class MxlReaderTests
{
    private static MemoryStream Archive(string container, string scorePath, string score)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(archive, "META-INF/container.xml", container);
            Write(archive, scorePath, score);
            Write(archive, "other.xml", "<not-a-score/>");
        }

        stream.Position = 0;
        return stream;
    }

    private static void Write(ZipArchive archive, string path, string text)
    {
        using var writer = new StreamWriter(archive.CreateEntry(path).Open(), Encoding.UTF8);
        writer.Write(text);
    }

    [Fact]
    public void The_container_names_the_score_to_read()
    {
        using var stream = Archive("<container><rootfiles><rootfile full-path=\"song.xml\"/></rootfiles></container>", "song.xml", "<score-partwise/>");

        Assert.Equal("score-partwise", MxlReader.Read(stream).Root!.Name.LocalName);
    }

    [Fact]
    public void An_apostrophe_inside_a_single_quoted_path_still_finds_the_score()
    {
        using var stream = Archive("<?xml version='1.0'?><container><rootfiles><rootfile full-path='Mary's Song.xml'/></rootfiles></container>", "Mary's Song.xml", "<score-partwise/>");

        Assert.Equal("score-partwise", MxlReader.Read(stream).Root!.Name.LocalName);
    }

    [Fact]
    public void A_score_that_is_not_xml_is_reported_as_invalid_data()
    {
        using var stream = Archive("<container><rootfiles><rootfile full-path=\"song.xml\"/></rootfiles></container>", "song.xml", "<score-partwise>");

        Assert.Throws<InvalidDataException>(() => MxlReader.Read(stream));
    }
}

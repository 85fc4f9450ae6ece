using SithSynth.Domain.Rendering;
using static SithSynth.Domain.Tests.Rendering.SampleLeadSheets;
using static SithSynth.Domain.Tests.Rendering.ScoreReading;

namespace SithSynth.Domain.Tests.Rendering;

public class BeamGrouperTests
{
    [Theory]
    // Four plain eighths join across a half bar in 4/4, 2/4 and 2/2; sixteenths beam by the quarter beat.
    [InlineData("4/4", "1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2", "eighth[ eighth- eighth- eighth] eighth[ eighth- eighth- eighth]")]
    [InlineData("4/4", "1/2 1/2 1 1/4 1/4 1/4 1/4 1/2 1/2", "eighth[ eighth] quarter 16th[ 16th- 16th- 16th] eighth[ eighth]")]
    [InlineData("2/4", "1/2 1/2 1/2 1/2", "eighth[ eighth- eighth- eighth]")]
    [InlineData("2/4", "1/4 1/4 1/4 1/4 1/2 1/2", "16th[ 16th- 16th- 16th] eighth[ eighth]")]
    [InlineData("2/2", "1/2 1/2 1/2 1/2 2", "eighth[ eighth- eighth- eighth] half")]
    // 3/4 beams by beat.
    [InlineData("3/4", "1/2 1/2 1/2 1/2 1/2 1/2", "eighth[ eighth] eighth[ eighth] eighth[ eighth]")]
    // 6/8 and 12/8 beam by dotted quarter.
    [InlineData("6/8", "1/2 1/2 1/2 1/2 1/2 1/2", "eighth[ eighth- eighth] eighth[ eighth- eighth]")]
    [InlineData("6/8", "1 1/2 1/2 1", "quarter eighth eighth quarter")]
    [InlineData("12/8", "1/2 1/2 1/2 3/2 1/2 1/2 1/2 3/2", "eighth[ eighth- eighth] quarter. eighth[ eighth- eighth] quarter.")]
    // Dotted eighth and sixteenth; triplet eighths beam by beat.
    [InlineData("4/4", "3/4 1/4 1/3 1/3 1/3 2", "eighth.[ 16th] eighth3[ eighth3- eighth3] half")]
    public void Short_notes_are_beamed_by_the_beat_groups_of_the_meter(string meter, string lengths, string expected)
    {
        Assert.Equal(expected, MelodyRhythm(meter, lengths.Split(' ').Select(l => (int?)72).ToArray(), lengths));
    }

    [Fact]
    public void A_beam_never_crosses_a_rest_and_a_lone_eighth_keeps_its_flag()
    {
        Assert.Equal("r:eighth eighth eighth[ eighth] half", MelodyRhythm("4/4", [null, 72, 72, 72, 72], "1/2 1/2 1/2 1/2 2"));
        Assert.Equal("eighth r:eighth eighth[ eighth] half", MelodyRhythm("4/4", [72, null, 72, 72, 72], "1/2 1/2 1/2 1/2 2"));
    }

    [Fact]
    public void Sixteenths_carry_a_second_beam_and_a_hook_where_they_stand_alone()
    {
        var score = MusicXmlWriter.Write(Sheet("2/4", "C", 100, Bar(("C", 72, "3/4"), ("C", 71, "1/4"), ("C", 72, "1/4"), ("C", 74, "3/4"))), "beams");
        var levels = Notes(Bars(score, MusicXmlWriter.MelodyPart)[0]).Select(n => string.Join('+', n.Elements("beam").Select(b => (string)b)));

        Assert.Equal(["begin", "end+backward hook", "begin+forward hook", "end"], levels);
    }

    private static string MelodyRhythm(string meter, int?[] pitches, string lengths)
    {
        var events = lengths.Split(' ').Select((l, i) => ("C", pitches[i], l)).ToArray();
        var score = MusicXmlWriter.Write(Sheet(meter, "C", 100, Bar(events)), "beams");
        return string.Join(' ', Notes(Bars(score, MusicXmlWriter.MelodyPart)[0]).Select(Rhythm));
    }
}

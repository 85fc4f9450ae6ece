using SithSynth.Domain.Evaluation;
using SithSynth.Domain.Music;
using static SithSynth.Domain.Tests.Evaluation.Sheets;

namespace SithSynth.Domain.Tests.Evaluation;

public class MelodyLineTests
{
    [Fact]
    public void A_tied_note_lengthens_the_note_before_it_across_the_barline()
    {
        var sheet = Sheet("C:60:2 C:62:2", "C:~62:1 C:r:1 C:64:2");

        var line = MelodyLine.Of(sheet);

        Assert.Equal([60, 62, null, 64], line.Select(n => n.Pitch));
        Assert.Equal(Duration.Parse("3"), line[1].Length);
        Assert.Equal((0, Duration.Parse("2")), (line[1].Bar, line[1].Onset));
        Assert.Equal((1, Duration.Parse("2")), (line[3].Bar, line[3].Onset));
    }

    [Fact]
    public void A_tie_to_another_pitch_is_read_as_a_new_note()
    {
        var line = MelodyLine.Of(Sheet("C:60:2 C:~62:2"));

        Assert.Equal([60, 62], line.Select(n => n.Pitch));
    }

    [Fact]
    public void Onsets_leave_out_rests_and_tied_continuations()
    {
        Assert.Equal([2, 1], MelodyLine.OnsetsPerBar(Sheet("C:60:2 C:62:2", "C:~62:1 C:r:1 C:64:2")));
    }
}

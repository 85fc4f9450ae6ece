using SithSynth.Domain.Evaluation;
using SithSynth.Domain.Music;
using static SithSynth.Domain.Tests.Evaluation.Sheets;

namespace SithSynth.Domain.Tests.Evaluation;

public class ChordTonesTests
{
    [Fact]
    public void Notes_on_the_beat_count_and_chord_tones_among_them()
    {
        // Beat 1 C over C (tone), the and of 1 D (off the beat), beat 2 D over C (not a tone), beat 3 G over G7 (tone),
        // beat 4 a rest; bar 2: a held C (tied, not a new note) and F over N.C. (no chord to sit on).
        var sheet = Sheet("C:60:1/2 C:62:1/2 C:62:1 G7:67:1 G7:r:1", "C:~60:2 N.C.:65:2");

        Assert.Equal((2, 3), ChordTones.OnTheBeat(sheet));
    }

    [Fact]
    public void A_sheets_chords_become_the_fewest_even_groups_per_bar()
    {
        var sheet = Sheet("C:60:2 C:62:2", "F:65:1 F:64:1 G7:62:2", "Am:60:1 Dm:62:1 G7:67:1 C:64:1");

        Assert.Equal("C | F G7 | Am Dm G7 C", ChordTones.Progression(sheet));
    }

    [Fact]
    public void A_change_off_the_beat_gives_no_progression()
    {
        Assert.Null(ChordTones.Progression(Sheet("C:60:3/2 G7:62:5/2")));
        Assert.Equal("Cm | G7", ChordTones.Progression(Sheet("6/8", Key.Parse("Cm"), "Cm:60:3", "G7:67:3")));
    }
}

using SithSynth.Domain.Evaluation;
using SithSynth.Domain.Music;
using static SithSynth.Domain.Tests.Evaluation.Sheets;

namespace SithSynth.Domain.Tests.Evaluation;

public class KeyFinderTests
{
    [Fact]
    public void A_c_major_tune_over_its_cadence_is_in_c_major()
    {
        var sheet = Sheet("C:60:1 C:62:1 C:64:1 C:65:1", "F:67:1 F:69:1 G7:71:1 G7:67:1", "C:72:4");

        Assert.Equal(new EstimatedKey(0, KeyMode.Major), KeyFinder.Estimate(sheet));
    }

    [Fact]
    public void The_same_notes_over_a_minor_cadence_with_its_leading_tone_are_in_a_minor()
    {
        var sheet = Sheet("Am:69:1 Am:71:1 Am:72:1 Am:74:1", "Dm:76:1 Dm:74:1 E7:68:1 E7:71:1", "Am:69:4");

        Assert.Equal(new EstimatedKey(9, KeyMode.Minor), KeyFinder.Estimate(sheet));
        Assert.True(KeyFinder.Estimate(sheet).Is(Key.Parse("Am")));
        Assert.False(KeyFinder.Estimate(sheet).Is(Key.CMajor));
    }

    [Fact]
    public void Moving_a_tune_moves_its_key()
    {
        var sheet = Sheet("Am:69:1 Am:71:1 Am:72:1 Am:74:1", "Dm:76:1 Dm:74:1 E7:68:1 E7:71:1", "Am:69:4");

        Assert.Equal("Em", KeyFinder.Estimate(sheet.TransposeTo(Key.Parse("Em"), -5)).ToString());
    }

    [Fact]
    public void The_krumhansl_kessler_profile_itself_finds_its_own_key()
    {
        double[] dMinor = [3.34, 3.17, 6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69];

        Assert.Equal(new EstimatedKey(2, KeyMode.Minor), KeyFinder.Estimate(dMinor));
    }
}

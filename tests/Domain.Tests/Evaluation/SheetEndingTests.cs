using SithSynth.Domain.Evaluation;
using SithSynth.Domain.Music;
using static SithSynth.Domain.Tests.Evaluation.Sheets;

namespace SithSynth.Domain.Tests.Evaluation;

public class SheetEndingTests
{
    private static readonly Key AMinor = Key.Parse("Am");

    [Fact]
    public void A_perfect_cadence_on_a_long_tonic_meets_every_ending_figure()
    {
        var sheet = Sheet("C:64:2 G7:62:1 G7:71:1", "C:72:2 C:r:2");

        Assert.Equal(new EndingFacts(true, true, true, true), SheetEnding.Of(sheet, Key.CMajor));
    }

    [Fact]
    public void The_same_sheet_judged_in_a_minor_key_ends_nowhere()
    {
        var sheet = Sheet("C:64:2 G7:62:1 G7:71:1", "C:72:4");

        Assert.Equal(new EndingFacts(false, false, false, true), SheetEnding.Of(sheet, AMinor));
    }

    [Fact]
    public void A_minor_ending_needs_the_minor_tonic_chord_and_its_dominant()
    {
        var cadence = Sheet("4/4", AMinor, "Dm:65:2 E7:68:2", "Am7:69:3 Am7:r:1");
        var plagal = Sheet("4/4", AMinor, "Dm:65:4", "Am:69:1 Am:72:1 Am:69:1 Am:69:1");
        var major = Sheet("4/4", AMinor, "E7:68:4", "A:69:4");

        Assert.Equal(new EndingFacts(true, true, true, true), SheetEnding.Of(cadence, AMinor));
        Assert.Equal(new EndingFacts(true, true, false, false), SheetEnding.Of(plagal, AMinor));
        Assert.Equal(new EndingFacts(false, true, false, true), SheetEnding.Of(major, AMinor));
    }

    [Fact]
    public void A_tied_final_note_is_long_and_a_final_tonic_chord_after_the_tonic_is_no_cadence()
    {
        var sheet = Sheet("C:60:3 C:67:1", "C:~67:1 C:64:1 C:60:1 C:~60:1");

        // The final C lasts two quarters through its tie (half a bar); the chord never leaves C, so no V→I.
        Assert.Equal(new EndingFacts(true, true, false, true), SheetEnding.Of(sheet, Key.CMajor));
    }

    [Fact]
    public void In_another_key_the_tonic_moves_with_it()
    {
        var sheet = Sheet("4/4", Key.Parse("Eb"), "Bb7:70:4", "Eb:63:4");

        Assert.Equal(new EndingFacts(true, true, true, true), SheetEnding.Of(sheet, Key.Parse("Eb")));
    }
}

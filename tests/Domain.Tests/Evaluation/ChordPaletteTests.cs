using SithSynth.Domain.Evaluation;
using SithSynth.Domain.Music;
using static SithSynth.Domain.Tests.Evaluation.Sheets;

namespace SithSynth.Domain.Tests.Evaluation;

public class ChordPaletteTests
{
    [Fact]
    public void Spans_are_counted_once_by_quality_and_borrowed_roots_are_out_of_key()
    {
        // Spans: N.C. (not counted), C, Eb (borrowed: out of C major), G7 held over the barline, Am, Ab (borrowed), C.
        var sheet = Sheet("N.C.:r:1 C:60:1 Eb:63:2", "G7:62:2 G7:~62:1 Am:60:1", "Ab:60:2 C:60:2");

        var facts = ChordPalette.Of(sheet, Key.CMajor);

        Assert.Equal(6, facts.Spans);
        Assert.Equal(2, facts.OutOfKey);
        Assert.Equal(4.0 / 6, facts.Qualities.Share(ChordKind.Major));
        Assert.Equal(1.0 / 6, facts.Qualities.Share(ChordKind.Dominant7));
        Assert.True(facts.OpensOnTonic);

        // The root decides, not the quality: F minor borrowed into C stands on a degree of the scale.
        Assert.Equal(0, ChordPalette.Of(Sheet("C:60:2 Fm:60:2", "C:60:4"), Key.CMajor).OutOfKey);
    }

    [Fact]
    public void In_minor_the_raised_seventh_is_in_the_key_and_the_tonic_is_minor()
    {
        var minor = Key.Parse("Am");

        var facts = ChordPalette.Of(Sheet("4/4", minor, "Am:69:2 G#dim:68:2", "E7:68:2 Am:69:2"), minor);
        var opensOnMajor = ChordPalette.Of(Sheet("4/4", minor, "A:69:4", "Am:69:4"), minor);

        Assert.Equal(0, facts.OutOfKey);
        Assert.True(facts.OpensOnTonic);
        Assert.False(opensOnMajor.OpensOnTonic);
        Assert.False(ChordPalette.Of(Sheet("G7:67:4", "C:60:4"), Key.CMajor).OpensOnTonic);
    }

    [Fact]
    public void The_scale_is_read_from_the_written_key()
    {
        var eFlat = Key.Parse("Eb");

        Assert.True(KeyScale.Contains(eFlat, PitchClass.OfStep('A') - 1));
        Assert.False(KeyScale.Contains(eFlat, PitchClass.OfStep('A')));
        Assert.Equal(1, ChordPalette.Of(Sheet("4/4", eFlat, "Eb:63:2 A:64:2"), eFlat).OutOfKey);
    }
}

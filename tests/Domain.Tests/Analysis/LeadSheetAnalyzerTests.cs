using SithSynth.Domain.Analysis;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Analysis;

public class LeadSheetAnalyzerTests
{
    private static MelodyEvent E(string chord, int? pitch, string duration) => new(ChordSymbol.Parse(chord), pitch, Duration.Parse(duration));

    [Fact]
    public void A_bar_of_major_sevenths_is_very_positive_and_sparse()
    {
        var bar = LeadSheetAnalyzer.AnalyzeBar(new Measure([E("Cmaj7", 60, "2"), E("Fmaj7", 65, "2")]));

        Assert.Equal(0.83, bar.RawValence);
        Assert.Equal(2, bar.Valence);
        Assert.Equal(Density.Low, bar.Density);
    }

    [Fact]
    public void The_median_of_the_events_chords_decides_and_rests_do_not_count_as_notes()
    {
        // Valences: minor -0.81, m7 -0.46, dominant -0.02, m7 -0.46, rest event under N.C. 0 → median -0.46
        var bar = LeadSheetAnalyzer.AnalyzeBar(new Measure(
        [
            E("Am", 69, "1/2"), E("Dm7", 65, "1/2"), E("G7", 67, "1/2"), E("Dm7", null, "1/2"), E("N.C.", 62, "2"),
        ]));

        Assert.Equal(-0.46, bar.RawValence);
        Assert.Equal(-1, bar.Valence);
        Assert.Equal(4, bar.Notes);
        Assert.Equal(Density.Med, bar.Density);
    }

    [Theory]
    [InlineData(0.61, 2)]
    [InlineData(0.6, 1)]
    [InlineData(0.21, 1)]
    [InlineData(0.2, 0)]
    [InlineData(-0.2, 0)]
    [InlineData(-0.21, -1)]
    [InlineData(-0.81, -2)]
    public void Raw_valence_bins_at_two_tenths_and_six_tenths(double raw, int bin) => Assert.Equal(bin, ChordValence.Bin(raw));

    [Theory]
    [InlineData(2, Density.Low)]
    [InlineData(3, Density.Med)]
    [InlineData(4, Density.Med)]
    [InlineData(5, Density.High)]
    public void Note_counts_bin_into_densities(int notes, Density density) => Assert.Equal(density, DensityNames.OfNoteCount(notes));

    [Fact]
    public void A_sheet_reports_range_key_fit_and_rests()
    {
        var sheet = new LeadSheet(TimeSignature.Parse("2/4"), Key.Parse("F"), 90,
        [
            new Measure([E("F", 65, "1"), E("Bb", 70, "1")]),
            new Measure([E("C7", 71, "1"), E("F", null, "1")]),
        ]);

        var analysis = LeadSheetAnalyzer.Analyze(sheet);

        Assert.Equal((65, 71, 6), (analysis.LowestPitch, analysis.HighestPitch, analysis.PitchRange));
        Assert.Equal(Math.Round(2 / 3.0, 4), analysis.InKeyRatio); // B natural is outside F major
        Assert.Equal(0.25, analysis.RestRatio);
        Assert.Equal(2, analysis.Bars.Count);
    }

    [Fact]
    public void A_tied_event_is_no_new_note_for_the_density()
    {
        var held = new Measure([E("C", 60, "1") with { Tied = true }, E("C", 62, "1"), E("G7", 62, "1") with { Tied = true }, E("G7", 64, "1")]);

        Assert.Equal(2, LeadSheetAnalyzer.AnalyzeBar(held).Notes);
    }
}

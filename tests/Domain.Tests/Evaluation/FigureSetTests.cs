using SithSynth.Domain.Analysis;
using SithSynth.Domain.Evaluation;
using SithSynth.Domain.Music;
using static SithSynth.Domain.Tests.Evaluation.Sheets;

namespace SithSynth.Domain.Tests.Evaluation;

public class FigureSetTests
{
    private static MeasuredSheet Measured(LeadSheet sheet, string? request = null, Density density = Density.Med) =>
        new(sheet, sheet.Key, [.. sheet.Measures.Select(_ => density)], request);

    [Fact]
    public void In_six_eight_notes_across_the_dotted_quarter_middle_are_counted()
    {
        // Bar 1: a quarter on the third eighth crosses the middle; bar 2: a note ending on it and a tied note starting
        // on it do not; bar 3: a dotted half crosses it. Two of seven notes (the tied note is one).
        var sheet = Sheet("6/8", Key.CMajor, "C:60:1/2 C:62:1/2 C:64:1 C:65:1", "C:67:3/2 C:69:1/2 C:~69:1", "C:72:3");

        var figures = FigureSet.Of([Measured(sheet)]);

        Assert.Equal(2 / 7.0, figures.MidBarCrossings68!.Value, 12);
        Assert.Null(FigureSet.Of([Measured(Sheet("C:60:4"))]).MidBarCrossings68);
    }

    [Fact]
    public void Phrase_end_bars_are_compared_with_the_others_by_notes_started()
    {
        // Sixteen bars of four notes, the phrase ends (bars 8 and 16) with one whole note each.
        string[] phrase = [.. Enumerable.Repeat("C:60:1 C:62:1 C:64:1 C:65:1", 7), "C:60:4"];
        var figures = FigureSet.Of([Measured(Sheet([.. phrase, .. phrase]))]);

        Assert.Equal(0.25, figures.PhraseEndNoteRatio!.Value, 12);
        Assert.Equal(1, figures.RestatedMelody!.Value, 12);
        Assert.Equal(1, figures.RecurringBars, 12);
    }

    [Fact]
    public void High_density_four_four_bars_give_their_notes_and_sixteenths()
    {
        var sheet = Sheet("C:60:1/4 C:62:1/4 C:64:1/4 C:65:1/4 C:67:1 C:69:2", "C:72:4");
        var low = Sheet("C:60:1/4 C:62:1/4 C:64:1/4 C:65:1/4 C:67:3");

        var figures = FigureSet.Of([Measured(sheet, density: Density.High), Measured(low, density: Density.Low)]);

        Assert.Equal(3.5, figures.HighDensity44NotesPerBar!.Value, 12);
        Assert.Equal(4 / 7.0, figures.HighDensity44Sixteenths!.Value, 12);
        Assert.Equal(8 / 12.0, figures.SixteenthShare, 12);
        Assert.Equal(8 / 12.0, figures.SixteenthShareIn("4/4")!.Value, 12);
        Assert.Null(figures.SixteenthShareIn("6/8"));
    }

    [Fact]
    public void Durations_are_compared_within_each_density_bin_weighted_by_the_sheets_notes()
    {
        // The songs: one "low" bar of two halves, three "med" bars of quarters. Ours: one of each, alike within its bin
        // but one low bar for one med bar where the songs have one for three, so only the per-meter histogram differs.
        var human = FigureSet.Of([Measured(Sheet("C:60:2 C:62:2"), density: Density.Low), Measured(Sheet("C:60:1 C:62:1 C:64:1 C:65:1", "C:60:1 C:62:1 C:64:1 C:65:1", "C:60:1 C:62:1 C:64:1 C:65:1"))]);
        var ours = FigureSet.Of([Measured(Sheet("C:60:2 C:62:2"), density: Density.Low), Measured(Sheet("C:60:1 C:62:1 C:64:1 C:65:1"))]);
        Assert.Equal(0, ours.DurationDistanceWithinBins(human, "4/4")!.Value, 12);
        Assert.True(ours.DurationsByMeter["4/4"].TotalVariation(human.DurationsByMeter["4/4"]) > 0.1);

        // A med bar of eighths instead: that bin is wholly apart (1), the low one alike (0); eight of ten notes are med.
        var busier = FigureSet.Of([Measured(Sheet("C:60:2 C:62:2"), density: Density.Low), Measured(Sheet(string.Join(' ', Enumerable.Repeat("C:60:1/2", 8))))]);
        Assert.Equal(0.8, busier.DurationDistanceWithinBins(human, "4/4")!.Value, 12);
        Assert.Null(busier.DurationDistanceWithinBins(human, "3/4"));
    }

    [Fact]
    public void Sheets_of_one_request_are_compared_bar_by_bar_for_diversity()
    {
        var a = Sheet("C:60:4", "C:62:4", "C:64:4", "C:65:4");
        var b = Sheet("C:60:4", "C:62:4", "C:67:4", "C:69:4");
        var c = Sheet("C:60:4", "C:62:4", "C:64:4", "C:65:4");

        // Pairs a–b: 2 of 4 bars differ; a–c none; b–c 2 of 4. Sheets of another request and human ones are not paired.
        var figures = FigureSet.Of([Measured(a, "x"), Measured(b, "x"), Measured(c, "x"), Measured(b, "y"), Measured(a)]);

        Assert.Equal(1 / 3.0, figures.SameRequestDiversity!.Value, 12);
        Assert.Null(FigureSet.Of([Measured(a, "x"), Measured(b, "y")]).SameRequestDiversity);
    }

    [Fact]
    public void Endings_harmony_keys_and_copies_are_pooled_over_the_sheets()
    {
        var cadence = Sheet("C:64:2 G7:62:2", "C:60:4");
        var open = Sheet("C:64:4", "C:64:4");
        var copies = new CopyIndex([Sheet("C:64:2 C:62:2", "C:60:4")]);

        var figures = FigureSet.Of([Measured(cadence), Measured(open)], copies);

        Assert.Equal((1.0, 0.5, 0.5, 1.0), (figures.LastChordTonic, figures.LastNoteTonic, figures.DominantToTonic, figures.LongFinalNote));
        Assert.Equal(0.5, figures.ChordChangesPerBar, 12);
        Assert.Equal(1.5, figures.MeanLongestOneChordRun, 12);
        Assert.Equal(1.5, figures.MeanLongestCopy!.Value, 12);
        Assert.Equal(3, figures.LongestCopy);
        Assert.Equal(2, figures.MeanPitchRange, 12);
        Assert.Equal(0, figures.EightBarOneChordSheets, 12);
    }
}

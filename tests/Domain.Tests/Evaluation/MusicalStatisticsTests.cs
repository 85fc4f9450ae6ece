using SithSynth.Domain.Evaluation;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Evaluation;

public class MusicalStatisticsTests
{
    private static MelodyEvent E(string chord, int? pitch, string duration) => new(ChordSymbol.Parse(chord), pitch, Duration.Parse(duration));

    public static IReadOnlyList<LeadSheet> Sheets { get; } =
    [
        new(TimeSignature.Common, Key.CMajor, 100,
        [
            new Measure([E("C", 60, "1"), E("C", 62, "1"), E("C", null, "1"), E("G7", 67, "1")]),
            new Measure([E("G7", 71, "2"), E("Am", 64, "2")]),
            new Measure([E("N.C.", 65, "4")]),
        ]),
        new(TimeSignature.Parse("3/4"), Key.CMajor, 100, [new Measure([E("F", 66, "3")])]),
    ];

    [Fact]
    public void Hand_counted_sheets_give_the_hand_counted_statistics()
    {
        var statistics = MusicalStatistics.Of(Sheets);

        Assert.Equal(2, statistics.Sheets);
        Assert.Equal(7, statistics.Notes);

        // Pitch classes 0, 2, 4, 5, 6, 7, 11 once each.
        double[] expected = [1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 0, 1];
        Assert.Equal(expected.Select(v => v / 7), statistics.PitchClassHistogram);

        // Strong-beat notes under a chord: C on 1 (tone), B under G7 on 1 (tone), E under Am on 3 (tone), F# under F (not);
        // the rest on beat 3 and the note under N.C. do not count.
        Assert.Equal(0.75, statistics.ChordToneOnStrongBeats, 12);

        // 2 + 5 + 4 + 7 + 1 over five steps, across the rest; the second sheet's single note starts afresh.
        Assert.Equal(3.8, statistics.MeanMelodicInterval, 12);
        Assert.Equal((11 + 0) / 2.0, statistics.MeanPitchRange, 12);
        Assert.Equal(1 / 15.0, statistics.RestRatio, 12);

        // C→G7, G7→Am, Am→N.C. over four bars.
        Assert.Equal(0.75, statistics.ChordChangesPerBar, 12);
    }

    [Fact]
    public void No_sheets_give_zeros_rather_than_nan()
    {
        var statistics = MusicalStatistics.Of([]);

        Assert.All(statistics.PitchClassHistogram, v => Assert.Equal(0, v));
        Assert.Equal(0, statistics.MeanMelodicInterval);
        Assert.Equal(0, statistics.ChordChangesPerBar);
    }
}

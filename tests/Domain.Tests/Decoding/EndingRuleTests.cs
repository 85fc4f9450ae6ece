using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Decoding;

public class EndingRuleTests
{
    public static TheoryData<string, Scoring, KeyMode> Endings()
    {
        var data = new TheoryData<string, Scoring, KeyMode>();
        foreach (var meter in new[] { "4/4", "3/4", "2/4", "2/2", "6/8", "12/8" })
        {
            foreach (var scoring in Enum.GetValues<Scoring>())
            {
                foreach (var mode in Enum.GetValues<KeyMode>())
                {
                    data.Add(meter, scoring, mode);
                }
            }
        }

        return data;
    }

    // Whatever the model scores, the last bar closes on the home tonic with a long final note.
    [Theory]
    [MemberData(nameof(Endings))]
    public void The_final_bar_ends_on_a_long_tonic_over_the_tonic_chord(string meter, Scoring scoring, KeyMode mode)
    {
        var timeSignature = TimeSignature.Parse(meter);
        var tonic = mode == KeyMode.Major ? 0 : 9;
        ChordKind[] tonicKinds = mode == KeyMode.Major ? [ChordKind.Major, ChordKind.Major7] : [ChordKind.Minor, ChordKind.Minor7, ChordKind.Minor9];
        var half = new Duration(timeSignature.BarLength.Numerator, timeSignature.BarLength.Denominator * 2);
        for (var trial = 0; trial < 8; trial++)
        {
            var model = new StandInModel(scoring, (ulong)trial);
            var bars = ConstrainedDecoderTests.Conditions(timeSignature, 8 + trial).Select(c => c with { Mode = mode }).ToList();
            var decoded = new ConstrainedDecoder(model).Decode(bars, new SamplingOptions(), (ulong)(trial * 31));

            var last = decoded.Measures[^1].Events[^1];
            Assert.Equal(tonic, last.Chord.Root);
            Assert.Contains(last.Chord.Kind, tonicKinds);
            Assert.Equal(tonic, last.Pitch!.Value % 12);
            Assert.True(last.Duration >= half, $"final note {last.Duration} in {meter}");
            Assert.True(timeSignature.IsOnPulse(timeSignature.BarLength - last.Duration), $"final note {last.Duration} in {meter} starts off the beat");
            Assert.All(decoded.Measures, m => Assert.Equal(timeSignature.BarLength, m.Length));
        }
    }

    [Fact]
    public void Only_the_final_bar_is_masked()
    {
        // With random scores, bars before the last end on the tonic no more often than chance allows.
        var model = new StandInModel(Scoring.Random, 3);
        var decoded = new ConstrainedDecoder(model).Decode(ConstrainedDecoderTests.Conditions(TimeSignature.Common, 40), new SamplingOptions(), 5);

        var tonicEndings = decoded.Measures.SkipLast(1).Count(m => m.Events[^1].Chord is { Root: 0, Kind: ChordKind.Major or ChordKind.Major7 });
        Assert.True(tonicEndings < 10, $"{tonicEndings} of 39 earlier bars ended on C");
    }

    [Fact]
    public void The_final_length_is_half_a_bar_or_the_nearest_longer_value()
    {
        var vocabulary = new StandInModel(Scoring.Random, 1).Tokens;
        Duration Least(string meter)
        {
            var timeSignature = TimeSignature.Parse(meter);
            return new EndingRule(vocabulary, new DurationFill(vocabulary.Durations, timeSignature.BarLength), timeSignature, KeyMode.Major).FinalLength;
        }

        Assert.Equal(new Duration(2, 1), Least("4/4"));
        // In 3/4 a dotted quarter would start off the beat, where the chord may not change to the tonic.
        Assert.Equal(new Duration(2, 1), Least("3/4"));
        Assert.Equal(new Duration(3, 2), Least("6/8"));
        Assert.Equal(new Duration(1, 1), Least("2/4"));
        Assert.Equal(new Duration(3, 1), Least("12/8"));
    }
}

using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;
using SithSynth.Domain.Progressions;
using SithSynth.Domain.Randomness;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Tests.Decoding;

public class ProgressionDecodingTests
{
    private static readonly TokenVocabulary WithoutTie = StandInModel.CreateVocabulary([.. TrainingVocabulary.Tokens().Where(t => t != DecoderToken.TieText)]);

    /// <summary>A random progression at home: every split the meter allows, any chord of the card, free groups and bars, and often shorter than the sheet.</summary>
    internal static List<ProgressionBar> RandomProgression(TokenVocabulary tokens, TimeSignature meter, int bars, SeededRandom random)
    {
        var splits = ChordProgression.Splits(meter);
        var length = random.NextDouble() < 0.3 ? 1 + random.NextInt(bars) : bars;
        var progression = new List<ProgressionBar>(length);
        for (var b = 0; b < length; b++)
        {
            if (random.NextDouble() < 0.15)
            {
                progression.Add(ProgressionBar.Free);
                continue;
            }

            var chords = Enumerable.Range(0, splits[random.NextInt(splits.Count)])
                .Select(_ => random.NextDouble() < 0.2 ? null : tokens[tokens.ChordIds[random.NextInt(tokens.ChordIds.Count)]].Chord)
                .ToList();
            progression.Add(new ProgressionBar(chords, [.. chords.Select(c => c?.ToString() ?? ChordProgression.FreeMark)]));
        }

        return progression;
    }

    /// <summary>Checked here without the product's own reading: each fixed group starts an event and holds its chord throughout.</summary>
    internal static void AssertFollowed(IReadOnlyList<ProgressionBar> progression, IReadOnlyList<Measure> measures, TimeSignature meter)
    {
        Assert.All(measures, m => Assert.Equal(meter.BarLength, m.Length));
        for (var b = 0; b < progression.Count; b++)
        {
            var groups = progression[b].Chords.Count;
            var onset = Duration.Zero;
            foreach (var e in measures[b].Events)
            {
                var group = (int)Math.Floor(onset.TotalQuarters * groups / meter.BarLength.TotalQuarters);
                var end = onset + e.Duration;
                if (progression[b].Chords[group] is { } chord)
                {
                    Assert.True(chord == e.Chord, $"bar {b + 1}, onset {onset}: {e.Chord} instead of {chord}");
                }

                // An event that runs into another group may only do so where neither group fixes a chord, or both the same one.
                var lastGroup = (int)Math.Ceiling(end.TotalQuarters * groups / meter.BarLength.TotalQuarters) - 1;
                for (var g = group + 1; g <= lastGroup; g++)
                {
                    Assert.True(progression[b].Chords[g] == progression[b].Chords[group], $"bar {b + 1}: an event from {onset} to {end} crosses into group {g + 1}");
                }

                onset = end;
            }
        }
    }

    [Theory]
    [MemberData(nameof(ConstrainedDecoderTests.Meters), MemberType = typeof(ConstrainedDecoderTests))]
    public void A_progression_is_followed_in_every_sheet_whatever_the_model_scores(string meter, Scoring scoring)
    {
        var timeSignature = TimeSignature.Parse(meter);
        for (var trial = 0; trial < 16; trial++)
        {
            var bars = 8 + (trial * 5 % 33);
            var tokens = trial % 4 == 3 ? WithoutTie : null;
            var model = new StandInModel(scoring, (ulong)trial, tokens);
            var mode = trial % 2 == 0 ? KeyMode.Major : KeyMode.Minor;
            var conditions = PhrasePlan.For(bars).Select(p => new BarCondition(timeSignature, p, 0, Density.Med, mode)).ToList();
            var progression = RandomProgression(model.Tokens, timeSignature, bars, new SeededRandom((ulong)trial + 100));

            var decoded = new ConstrainedDecoder(model).Decode(conditions, new SamplingOptions(), (ulong)trial, null, progression);

            Assert.Equal(bars, decoded.Measures.Count);
            AssertFollowed(progression, decoded.Measures, timeSignature);
        }
    }

    [Theory]
    [InlineData(Scoring.Random)]
    [InlineData(Scoring.Adversarial)]
    [InlineData(Scoring.NonFinite)]
    public void The_form_restates_only_what_the_progression_allows_and_the_progression_is_followed(Scoring scoring)
    {
        var meter = TimeSignature.Common;
        Assert.True(SongForm.TryParse("AABA", 32, out var form, out _));
        var problems = new List<string>();
        // Bars 9–16 agree with 1–8 except bar 12; the last A is left free past bar 26.
        var progression = ChordProgression.Read(
            "C | Am | F G | G7 | C | Am | Dm G7 | C | C | Am | F G | Em | C | Am | Dm G7 | C | F | F | G | G | F | F | G7 | G7 | C | Am",
            meter, 32, Key.CMajor, ChordProgressionTestsVocabulary(), "stand-in", problems)!;
        Assert.Empty(problems);
        var restates = progression.KeepRestatements(form.SourceBars(32));
        Assert.Null(restates[11]);
        Assert.Equal(0, restates[8]);
        Assert.Equal(2, restates[26]);

        for (ulong seed = 0; seed < 5; seed++)
        {
            var decoded = new ConstrainedDecoder(new StandInModel(scoring, seed)).Decode(
                ConstrainedDecoderTests.Conditions(meter, 32), new SamplingOptions(), seed, restates, progression.AtHome(Key.CMajor));

            AssertFollowed(progression.Bars, decoded.Measures, meter);
            Assert.Equal(decoded.Measures[8].Events, decoded.Measures[0].Events);
            Assert.Equal(decoded.Measures[26].Events, decoded.Measures[2].Events);
        }
    }

    [Theory]
    [InlineData("4/4", "C | Am | F | G7", KeyMode.Major)]
    [InlineData("4/4", "C | Am | F | Dm G G7 C", KeyMode.Major)]
    [InlineData("3/4", "Am | Dm | E7 | F E7 Am", KeyMode.Minor)]
    [InlineData("12/8", "C | F | G C _ C", KeyMode.Major)]
    [InlineData("6/8", "Am | E7 | Am | _ Dm", KeyMode.Minor)]
    public void A_final_bar_the_progression_fixes_ends_on_its_chords_on_time(string meter, string tail, KeyMode mode)
    {
        var timeSignature = TimeSignature.Parse(meter);
        var problems = new List<string>();
        var text = string.Join(" | ", Enumerable.Repeat("_", 4)) + " | " + tail;
        var home = mode == KeyMode.Major ? Key.CMajor : Key.AMinor;
        var progression = ChordProgression.Read(text, timeSignature, 8, home, ChordProgressionTestsVocabulary(), "stand-in", problems)!;
        Assert.Empty(problems);
        for (ulong seed = 0; seed < 8; seed++)
        {
            var conditions = PhrasePlan.For(8).Select(p => new BarCondition(timeSignature, p, 0, Density.Med, mode)).ToList();
            var decoded = new ConstrainedDecoder(new StandInModel((Scoring)(seed % 4), seed)).Decode(conditions, new SamplingOptions(), seed, null, progression.AtHome(home));

            AssertFollowed(progression.Bars, decoded.Measures, timeSignature);
        }
    }

    [Fact]
    public void A_free_final_bar_still_closes_on_the_tonic_after_a_fixed_first_half()
    {
        var problems = new List<string>();
        var progression = ChordProgression.Read("C | Am | F | G | C | Am | F | G7 _", TimeSignature.Common, 8, Key.CMajor, ChordProgressionTestsVocabulary(), "stand-in", problems)!;
        for (ulong seed = 0; seed < 8; seed++)
        {
            var decoded = new ConstrainedDecoder(new StandInModel(Scoring.Random, seed)).Decode(
                ConstrainedDecoderTests.Conditions(TimeSignature.Common, 8), new SamplingOptions(), seed, null, progression.AtHome(Key.CMajor));

            var last = decoded.Measures[^1].Events[^1];
            Assert.Equal(ChordSymbol.Parse("G7"), decoded.Measures[^1].Events[0].Chord);
            Assert.Contains(last.Chord.ToString(), new[] { "C", "Cmaj7" });
            Assert.Equal(0, last.Pitch!.Value % 12);
            Assert.True(last.Duration >= Duration.Quarters(2));
        }
    }

    [Fact]
    public void A_chord_the_model_does_not_have_is_a_bug_in_the_caller()
    {
        var progression = new List<ProgressionBar> { new([new ChordSymbol(0, ChordKind.Major, 4)], ["C/E"]) };

        Assert.Throws<ArgumentException>(() => new ConstrainedDecoder(new StandInModel(Scoring.Random, 1)).Decode(
            ConstrainedDecoderTests.Conditions(TimeSignature.Common, 8), new SamplingOptions(), 1, null, progression));
    }

    private static IReadOnlyList<ChordSymbol> ChordProgressionTestsVocabulary() =>
        Progressions.ChordProgressionTests.Vocabulary(StandInModel.CreateVocabulary(TrainingVocabulary.Tokens()));
}

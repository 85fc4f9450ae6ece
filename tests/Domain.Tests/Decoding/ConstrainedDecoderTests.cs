using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Tests.Decoding;

public class ConstrainedDecoderTests
{
    public static TheoryData<string, Scoring> Meters()
    {
        var data = new TheoryData<string, Scoring>();
        foreach (var meter in new[] { "4/4", "3/4", "2/4", "2/2", "6/8", "12/8" })
        {
            foreach (var scoring in Enum.GetValues<Scoring>())
            {
                data.Add(meter, scoring);
            }
        }

        return data;
    }

    // The guarantee: whatever the model scores, every sheet is complete and exactly as long as asked.
    [Theory]
    [MemberData(nameof(Meters))]
    public void Every_sheet_is_valid_whatever_the_model_scores(string meter, Scoring scoring)
    {
        var timeSignature = TimeSignature.Parse(meter);
        for (var trial = 0; trial < 12; trial++)
        {
            var bars = 8 + (trial * 3 % 33);
            var model = new StandInModel(scoring, (ulong)trial);
            var options = new SamplingOptions(0.5 + (trial % 3 * 0.5), trial % 2 == 0 ? null : 0.9);
            var decoded = new ConstrainedDecoder(model).Decode(Conditions(timeSignature, bars), options, (ulong)(trial * 7919));

            Assert.Equal(bars, decoded.Measures.Count);
            Assert.All(decoded.Measures, m => Assert.Equal(timeSignature.BarLength, m.Length));
            Assert.All(decoded.Measures, m => Assert.NotEmpty(m.Events));
            Assert.True(new LeadSheet(timeSignature, Key.CMajor, 100, decoded.Measures).IsComplete);
            Assert.Equal(decoded.Tokens.Tokens.Count - 1, model.Calls);
            Assert.Equal(model.Tokens.Eos, decoded.Tokens.Tokens[^1]);
        }
    }

    [Fact]
    public void A_hostile_model_is_overruled_and_the_overrulings_are_counted()
    {
        var model = new StandInModel(Scoring.Adversarial, 1);
        var decoded = new ConstrainedDecoder(model).Decode(Conditions(TimeSignature.Common, 8), new SamplingOptions(), 3);

        // On every chord, note and duration step the model's favourite is forbidden and all its mass is removed.
        var eventSteps = 3 * decoded.Measures.Sum(m => m.Events.Count);
        Assert.True(decoded.Interventions >= eventSteps);
        Assert.True(decoded.MaskedProbability >= eventSteps * 0.99);
    }

    [Fact]
    public void The_same_seed_writes_the_same_sheet_and_another_seed_another()
    {
        var decoder = new ConstrainedDecoder(new StandInModel(Scoring.Random, 5));
        var bars = Conditions(TimeSignature.Parse("3/4"), 16);

        var first = decoder.Decode(bars, new SamplingOptions(), 42);
        var again = decoder.Decode(bars, new SamplingOptions(), 42);
        var other = decoder.Decode(bars, new SamplingOptions(), 43);

        Assert.Equal(first.Tokens.Tokens, again.Tokens.Tokens);
        Assert.NotEqual(first.Tokens.Tokens, other.Tokens.Tokens);
    }

    [Fact]
    public void Decoded_positions_match_what_the_tokenizer_writes_for_the_same_sheet()
    {
        var model = new StandInModel(Scoring.Random, 9);
        var meter = TimeSignature.Parse("6/8");
        var decoded = new ConstrainedDecoder(model).Decode(Conditions(meter, 9), new SamplingOptions(), 11);

        var encoded = new LeadSheetTokenizer(model.Tokens, model.OnsetResolution, model.MaxOnset)
            .Encode(new LeadSheet(meter, Key.CMajor, 100, decoded.Measures));

        Assert.Equal(encoded.Tokens, decoded.Tokens.Tokens);
        Assert.Equal(encoded.Bars, decoded.Tokens.Bars);
        Assert.Equal(encoded.Onsets, decoded.Tokens.Onsets);
    }

    [Fact]
    public void Low_top_p_keeps_only_the_favourite_allowed_token()
    {
        var model = new StandInModel(Scoring.Random, 2);
        var decoder = new ConstrainedDecoder(model);
        // A sad opening, which the opening rule's seeded draw leaves alone (the draws are the seed's, not the nucleus's).
        var bars = Conditions(TimeSignature.Common, 8).Select(c => c with { Valence = -1 }).ToList();

        // With a nucleus this small only the best allowed token survives, so the seed no longer matters.
        var a = decoder.Decode(bars, new SamplingOptions(1.0, 1e-9), 1);
        var b = decoder.Decode(bars, new SamplingOptions(1.0, 1e-9), 2);

        Assert.Equal(a.Tokens.Tokens, b.Tokens.Tokens);
    }

    [Fact]
    public void A_model_that_always_wants_a_tie_gets_one_only_after_a_pitched_note_and_it_holds_that_pitch()
    {
        var meter = TimeSignature.Parse("3/4");
        var decoded = new ConstrainedDecoder(new StandInModel(Scoring.Ties, 4)).Decode(Conditions(meter, 16), new SamplingOptions(), 8);

        var events = decoded.Measures.SelectMany(m => m.Events).ToList();
        var finalBar = events.Count - decoded.Measures[^1].Events.Count;
        Assert.False(events[0].Tied);
        Assert.Contains(events, e => e.Tied);
        Assert.Contains(decoded.Measures.Skip(1), m => m.Events[0].Tied);
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i].Tied)
            {
                Assert.NotNull(events[i - 1].Pitch);
                Assert.Equal(events[i - 1].Pitch, events[i].Pitch);
            }
            else if (i < finalBar)
            {
                // The model's favourite wins wherever the grammar allows it: only after a rest is there no tie (the final
                // bar is the ending rule's, which closes on a tonic note).
                Assert.True(events[i - 1].IsRest);
            }
        }
    }

    [Fact]
    public void A_vocabulary_without_the_tie_writes_no_tied_notes()
    {
        var tokens = StandInModel.CreateVocabulary([.. TrainingVocabulary.Tokens().Where(t => t != DecoderToken.TieText)]);
        var decoded = new ConstrainedDecoder(new StandInModel(Scoring.Ties, 4, tokens)).Decode(Conditions(TimeSignature.Common, 8), new SamplingOptions(), 8);

        Assert.Null(tokens.Tie);
        Assert.DoesNotContain(decoded.Measures.SelectMany(m => m.Events), e => e.Tied);
    }

    [Fact]
    public void Tied_sheets_read_back_from_their_tokens()
    {
        var model = new StandInModel(Scoring.Random, 13);
        var meter = TimeSignature.Parse("4/4");
        var decoded = new ConstrainedDecoder(model).Decode(Conditions(meter, 24), new SamplingOptions(), 5);
        var tokenizer = new LeadSheetTokenizer(model.Tokens, model.OnsetResolution, model.MaxOnset);

        var encoded = tokenizer.Encode(new LeadSheet(meter, Key.CMajor, 100, decoded.Measures));

        Assert.Contains(decoded.Tokens.Tokens, t => t == model.Tokens.Tie);
        Assert.Equal(decoded.Tokens.Tokens, encoded.Tokens);
    }

    internal static List<BarCondition> Conditions(TimeSignature meter, int bars) =>
        [.. PhrasePlan.For(bars).Select(p => new BarCondition(meter, p, 0, Density.Med))];
}

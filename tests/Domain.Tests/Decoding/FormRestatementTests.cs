using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Decoding;
using SithSynth.Domain.Models;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Tests.Decoding;

public class FormRestatementTests
{
    private static IReadOnlyList<int?> Restates(string form, int bars)
    {
        Assert.True(SongForm.TryParse(form, bars, out var songForm, out var problem), problem);
        return songForm.SourceBars(bars);
    }

    private static bool Same(Measure a, Measure b) => a.Events.SequenceEqual(b.Events);

    [Theory]
    [InlineData(Scoring.Random)]
    [InlineData(Scoring.Adversarial)]
    [InlineData(Scoring.NonFinite)]
    public void AABA_over_32_bars_restates_bars_1_to_8_in_9_to_16_and_25_to_32(Scoring scoring)
    {
        for (ulong seed = 0; seed < 6; seed++)
        {
            var model = new RecordingModel(new StandInModel(scoring, seed));
            var decoded = new ConstrainedDecoder(model).Decode(
                ConstrainedDecoderTests.Conditions(TimeSignature.Common, 32), new SamplingOptions(), seed, Restates("AABA", 32));

            Assert.All(Enumerable.Range(0, 8), bar => Assert.True(Same(decoded.Measures[bar], decoded.Measures[bar + 8]), $"bar {bar + 9}"));
            // The last bar is restated too unless the ending needs the tonic it does not have.
            Assert.All(Enumerable.Range(0, 7), bar => Assert.True(Same(decoded.Measures[bar], decoded.Measures[bar + 24]), $"bar {bar + 25}"));
            Assert.False(Same(decoded.Measures[0], decoded.Measures[16]) && Same(decoded.Measures[1], decoded.Measures[17]) && Same(decoded.Measures[2], decoded.Measures[18]));

            // Every forced token went through the model, so its state follows the sheet.
            Assert.Equal(decoded.Tokens.Tokens.SkipLast(1), model.Fed);
            Assert.True(decoded.Forced >= decoded.Measures.Skip(8).Take(8).Sum(m => (3 * m.Events.Count) + 1));
        }
    }

    [Fact]
    public void A_primed_phrase_restates_all_but_its_cadence_which_is_sampled()
    {
        var differentCadences = 0;
        for (ulong seed = 0; seed < 10; seed++)
        {
            var decoded = new ConstrainedDecoder(new StandInModel(Scoring.Random, seed)).Decode(
                ConstrainedDecoderTests.Conditions(TimeSignature.Parse("6/8"), 16), new SamplingOptions(), seed, Restates("AA′", 16));

            Assert.All(Enumerable.Range(0, 6), bar => Assert.True(Same(decoded.Measures[bar], decoded.Measures[bar + 8])));
            differentCadences += Same(decoded.Measures[6], decoded.Measures[14]) ? 0 : 1;
        }

        Assert.True(differentCadences >= 8, $"only {differentCadences} of 10 A′ phrases closed differently");
    }

    [Fact]
    public void Without_a_form_nothing_is_forced()
    {
        var decoded = new ConstrainedDecoder(new StandInModel(Scoring.Random, 4)).Decode(
            ConstrainedDecoderTests.Conditions(TimeSignature.Common, 16), new SamplingOptions(), 4);

        Assert.Equal(0, decoded.Forced);
        Assert.False(Same(decoded.Measures[0], decoded.Measures[8]) && Same(decoded.Measures[1], decoded.Measures[9]));
    }

    [Theory]
    [InlineData(new[] { -1, -1, 2 })]
    [InlineData(new[] { -1, 0, 1 })]
    [InlineData(new[] { -1, 2, -1 })]
    public void A_bar_can_only_restate_an_earlier_fresh_bar(int[] sources)
    {
        var restates = sources.Select(s => s < 0 ? null : (int?)s).ToList();
        Assert.Throws<ArgumentException>(() => new TokenForcing(restates));
    }

    [Fact]
    public void A_form_for_another_length_is_refused() =>
        Assert.Throws<ArgumentException>(() => new ConstrainedDecoder(new StandInModel(Scoring.Random, 1)).Decode(
            ConstrainedDecoderTests.Conditions(TimeSignature.Common, 16), new SamplingOptions(), 1, new int?[8]));

    /// <summary>Passes through to a model and records every token its sessions are fed.</summary>
    [Fact]
    public void A_restated_bar_that_opens_with_a_tie_is_sampled_when_the_bar_before_it_ends_on_a_rest()
    {
        // Bar 2 opens by holding bar 1's last note; bar 4 restates bar 2 but follows a bar of rests, so there is no
        // note to hold: the restatement gives way and the bar is written afresh instead of failing the sheet.
        var model = new RestingModel(new StandInModel(Scoring.Ties, 3), restingBar: 2);
        var decoded = new ConstrainedDecoder(model).Decode(
            ConstrainedDecoderTests.Conditions(TimeSignature.Common, 5), new SamplingOptions(), 3, [null, null, null, 1, null]);

        Assert.True(decoded.Measures[1].Events[0].Tied);
        Assert.All(decoded.Measures[2].Events, e => Assert.Null(e.Pitch));
        Assert.False(decoded.Measures[3].Events[0].Tied);
    }

    // Scores a rest highest everywhere in one bar, so that bar holds no note.
    private sealed class RestingModel(INextTokenModel inner, int restingBar) : INextTokenModel
    {
        public long RestingBar => restingBar;

        public string Name => inner.Name;

        public TokenVocabulary Tokens => inner.Tokens;

        public int OnsetResolution => inner.OnsetResolution;

        public int MaxOnset => inner.MaxOnset;

        public INextTokenSession Start(IReadOnlyList<BarCondition> bars) => new Session(this, inner.Start(bars));

        private sealed class Session(RestingModel model, INextTokenSession inner) : INextTokenSession
        {
            private readonly float[] _logits = new float[model.Tokens.Count];
            private readonly int _rest = model.Tokens.NoteIds.Single(id => model.Tokens[id].Text == DecoderToken.RestText);

            public ReadOnlySpan<float> Advance(int token, long bar, long onset)
            {
                inner.Advance(token, bar, onset).CopyTo(_logits);
                if (bar == model.RestingBar)
                {
                    _logits[_rest] = 1e4f;
                    _logits[model.Tokens.Tie!.Value] = float.NegativeInfinity;
                }

                return _logits;
            }

            public void Dispose() => inner.Dispose();
        }
    }

    private sealed class RecordingModel(INextTokenModel inner) : INextTokenModel
    {
        public List<int> Fed { get; } = [];

        public string Name => inner.Name;

        public TokenVocabulary Tokens => inner.Tokens;

        public int OnsetResolution => inner.OnsetResolution;

        public int MaxOnset => inner.MaxOnset;

        public INextTokenSession Start(IReadOnlyList<BarCondition> bars) => new Session(this, inner.Start(bars));

        private sealed class Session(RecordingModel model, INextTokenSession inner) : INextTokenSession
        {
            public ReadOnlySpan<float> Advance(int token, long bar, long onset)
            {
                model.Fed.Add(token);
                return inner.Advance(token, bar, onset);
            }

            public void Dispose() => inner.Dispose();
        }
    }
}

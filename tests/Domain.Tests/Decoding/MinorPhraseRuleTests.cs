using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Tests.Decoding;

public class MinorPhraseRuleTests
{
    // Sixteen bars: bar 8 ends the first phrase, bar 16 the sheet.
    private static List<BarCondition> Bars(KeyMode mode) =>
        [.. PhrasePlan.For(16).Select(p => new BarCondition(TimeSignature.Common, p, 0, Density.Med, mode))];

    private static RulePlayer Player(KeyMode mode)
    {
        var rule = new MinorPhraseRule(RulePlayer.Tokens, Bars(mode), new DurationFill(RulePlayer.Tokens.Durations, TimeSignature.Common.BarLength));
        return new RulePlayer("4/4", rule, bars: 16).Play(string.Concat(Enumerable.Repeat("chord:C note:60 dur:4 bar ", 7)));
    }

    [Fact]
    public void The_last_beat_of_a_minor_phrase_sounds_the_tonic_or_the_dominant()
    {
        var player = Player(KeyMode.Minor).Play("chord:F note:65 dur:2 chord:G note:67 dur:1");

        Assert.True(player.Allows("chord:Am"));
        Assert.True(player.Allows("chord:E7"));
        Assert.False(player.Allows("chord:G"));
        Assert.False(player.Allows("chord:C"));
    }

    [Fact]
    public void Another_chord_is_not_carried_over_the_last_beat()
    {
        var player = Player(KeyMode.Minor).Play("chord:F note:65");
        Assert.False(player.Allows("dur:4"));
        Assert.True(player.Allows("dur:3"));
        Assert.True(player.Allows("dur:2"));

        Assert.True(Player(KeyMode.Minor).Play("chord:Am note:69").Allows("dur:4"));
    }

    [Fact]
    public void A_minor_sheet_opens_on_its_tonic()
    {
        var rule = new MinorPhraseRule(RulePlayer.Tokens, Bars(KeyMode.Minor), new DurationFill(RulePlayer.Tokens.Durations, TimeSignature.Common.BarLength));
        var player = new RulePlayer("4/4", rule, bars: 16);
        Assert.True(player.Allows("chord:Am"));
        Assert.True(player.Allows("chord:Am7"));
        Assert.False(player.Allows("chord:C"));
        Assert.False(player.Allows("chord:E7"));

        Assert.True(player.Play("chord:Am note:69 dur:1").Allows("chord:F"));
        var major = new MinorPhraseRule(RulePlayer.Tokens, Bars(KeyMode.Major), new DurationFill(RulePlayer.Tokens.Durations, TimeSignature.Common.BarLength));
        Assert.True(new RulePlayer("4/4", major, bars: 16).Allows("chord:C"));
    }

    [Fact]
    public void Other_bars_and_major_sheets_are_free()
    {
        Assert.True(Player(KeyMode.Major).Play("chord:F note:65 dur:3").Allows("chord:G"));
        Assert.True(Player(KeyMode.Minor).Play("chord:F note:65 dur:4 bar chord:F note:65 dur:3").Allows("chord:G"));
    }

    [Fact]
    public void Decoded_minor_phrases_close_on_i_or_V_whatever_the_model_scores()
    {
        for (var seed = 0UL; seed < 4; seed++)
        {
            var measures = new ConstrainedDecoder(new StandInModel(Scoring.Random, seed)).Decode(Bars(KeyMode.Minor), new SamplingOptions(), seed).Measures;
            var close = measures[7].Events[^1].Chord;
            Assert.True(close is { Root: 9, Kind: ChordKind.Minor or ChordKind.Minor7 or ChordKind.Minor9 } or { Root: 4, Kind: ChordKind.Major or ChordKind.Dominant7 }, $"bar 8 closes on {close}");
        }
    }
}

using SithSynth.Domain.Music;
using SithSynth.Domain.Progressions;
using SithSynth.Domain.Tests.Decoding;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Tests.Progressions;

public class ChordProgressionTests
{
    private static readonly IReadOnlyList<ChordSymbol> Chords = Vocabulary(StandInModel.CreateVocabulary(TrainingVocabulary.Tokens()));

    internal static IReadOnlyList<ChordSymbol> Vocabulary(TokenVocabulary tokens) => [.. tokens.ChordIds.Select(id => tokens[id].Chord!)];

    private static (ChordProgression? Progression, List<string> Problems) Read(string text, string meter = "4/4", int bars = 16, string key = "C")
    {
        var problems = new List<string>();
        var progression = ChordProgression.Read(text, TimeSignature.Parse(meter), bars, Key.Parse(key), Chords, "stand-in", problems);
        return (progression, problems);
    }

    [Fact]
    public void Bars_split_into_equal_beat_groups_and_free_marks_leave_them_to_the_model()
    {
        var (progression, problems) = Read(" C | Am  |F G|  - | Dm7 _ G7 C ");

        Assert.Empty(problems);
        Assert.Equal("C | Am | F G | _ | Dm7 _ G7 C", progression!.Text);
        Assert.Equal([ChordSymbol.Parse("F"), ChordSymbol.Parse("G")], progression.Bars[2].Chords);
        Assert.Equal(new Duration(2, 1), progression.Bars[2].GroupLength(TimeSignature.Common));
        Assert.True(progression.Bars[3].IsFree);
        Assert.Equal([ChordSymbol.Parse("Dm7"), null, ChordSymbol.Parse("G7"), ChordSymbol.Parse("C")], progression.Bars[4].Chords);
        Assert.True(progression.Bar(5).IsFree);
        Assert.True(progression.Bar(15).IsFree);
    }

    [Theory]
    [InlineData("4/4", new[] { 1, 2, 4 })]
    [InlineData("3/4", new[] { 1, 3 })]
    [InlineData("2/4", new[] { 1, 2 })]
    [InlineData("2/2", new[] { 1, 2 })]
    [InlineData("6/8", new[] { 1, 2 })]
    [InlineData("12/8", new[] { 1, 2, 4 })]
    public void A_bar_splits_only_into_groups_its_beats_divide_evenly_into(string meter, int[] splits)
    {
        Assert.Equal(splits, ChordProgression.Splits(TimeSignature.Parse(meter)));
        foreach (var count in Enumerable.Range(1, 4))
        {
            var (progression, problems) = Read("C | " + string.Join(' ', Enumerable.Repeat("G", count)), meter);
            Assert.Equal(splits.Contains(count), progression is not null);
            if (!splits.Contains(count))
            {
                Assert.Equal($"Bar 2 has {count} chords ({string.Join(' ', Enumerable.Repeat("G", count))}), but a bar of {meter} splits evenly on its beats only into {(splits.Length == 2 ? $"{splits[0]} or {splits[1]}" : "1, 2 or 4")} chords.", Assert.Single(problems));
            }
        }
    }

    [Theory]
    [InlineData("C | Csus4 | G", "Model 'stand-in' cannot write 'Csus4' (bar 2); the nearest chord it writes is C.")]
    [InlineData("C | F Bm7b5 | G", "Model 'stand-in' cannot write 'Bm7b5' (bar 2, beat 3); the nearest chord it writes is Bdim.")]
    [InlineData("C | Am | Dm7 G7 C6 _", "Model 'stand-in' cannot write 'C6' (bar 3, beat 3); the nearest chord it writes is C.")]
    [InlineData("Cmaj9", "Model 'stand-in' cannot write 'Cmaj9' (bar 1); the nearest chord it writes is Cmaj7.")]
    [InlineData("C13", "Model 'stand-in' cannot write 'C13' (bar 1); the nearest chord it writes is C9.")]
    [InlineData("G7sus4", "Model 'stand-in' cannot write 'G7sus4' (bar 1); the nearest chord it writes is G7.")]
    [InlineData("Edim7", "Model 'stand-in' cannot write 'Edim7' (bar 1); the nearest chord it writes is Edim.")]
    [InlineData("C/E", "Model 'stand-in' cannot write 'C/E' (bar 1); the nearest chord it writes is C.")]
    [InlineData("Cmaj", "Model 'stand-in' cannot write 'Cmaj' (bar 1); the nearest chord it writes is C.")]
    [InlineData("C-7", "Model 'stand-in' cannot write 'C-7' (bar 1); the nearest chord it writes is Cm7.")]
    [InlineData("Caug", "Model 'stand-in' cannot write 'Caug' (bar 1); the nearest chord it writes is C.")]
    [InlineData("C#m6", "Model 'stand-in' cannot write 'C#m6' (bar 1); the nearest chord it writes is C#m.")]
    public void A_chord_the_model_cannot_write_is_refused_naming_where_it_is_and_the_nearest_it_can(string text, string message)
    {
        var (progression, problems) = Read(text);

        Assert.Null(progression);
        Assert.Equal(message, Assert.Single(problems));
    }

    [Fact]
    public void The_nearest_chord_is_found_at_home_and_named_in_the_requested_key()
    {
        // In Eb the chords move home by a minor third down: Absus4 is Fsus4 there, whose nearest is F, so Ab here.
        var (_, problems) = Read("Eb | Absus4 | Bb7 | Eb", key: "Eb");

        Assert.Equal("Model 'stand-in' cannot write 'Absus4' (bar 2); the nearest chord it writes is Ab.", Assert.Single(problems));
    }

    [Fact]
    public void Only_chords_the_card_holds_are_accepted()
    {
        // A card without sevenths: G7 is refused and G9 offered (same root; it holds every tone of G7).
        var tokens = StandInModel.CreateVocabulary([.. TrainingVocabulary.Tokens().Where(t => !t.EndsWith('7') || !t.StartsWith("chord:", StringComparison.Ordinal))]);
        var problems = new List<string>();

        Assert.Null(ChordProgression.Read("C | G7", TimeSignature.Common, 8, Key.CMajor, Vocabulary(tokens), "small", problems));
        Assert.Equal("Model 'small' cannot write 'G7' (bar 2); the nearest chord it writes is G9.", Assert.Single(problems));
    }

    [Theory]
    [InlineData("C | Xq7", "'Xq7' (bar 2) is not a chord symbol: write a root (C, Eb, F#) and a quality the model writes (C, Cm, C7, Cmaj7, Cm7, Cdim, C9, Cm9), N.C. for no chord, or _ to leave it to the model.")]
    [InlineData("C | am", "'am' (bar 2) is not a chord symbol: write a root (C, Eb, F#) and a quality the model writes (C, Cm, C7, Cmaj7, Cm7, Cdim, C9, Cm9), N.C. for no chord, or _ to leave it to the model.")]
    [InlineData("C | | G", "Bar 2 of the progression is empty: write a chord symbol, or _ to leave the bar free.")]
    [InlineData("C | G |", "Bar 3 of the progression is empty: write a chord symbol, or _ to leave the bar free.")]
    [InlineData("   ", "The progression is empty: write one chord symbol per bar (or per beat group), bars separated by |, such as \"C | Am | F G | C\"; _ leaves a bar free.")]
    [InlineData("C|C|C|C|C|C|C|C|C", "The progression has 9 bars, but the sheet has 8: give at most 8 bars, or ask for more bars.")]
    public void Malformed_progressions_are_refused_with_one_sentence_each(string text, string message)
    {
        var (progression, problems) = Read(text, bars: 8);

        Assert.Null(progression);
        Assert.Equal(message, Assert.Single(problems));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var (_, problems) = Read("C | Csus4 Dsus4 Esus4 | Foo");

        Assert.Equal(5, problems.Count);
    }

    [Theory]
    [InlineData("C", "C | Am | Dm G7 | N.C.", "C | Am | Dm G7 | N.C.")]
    [InlineData("Eb", "Eb | Cm | Fm Bb7 | _", "C | Am | Dm G7 | _")]
    [InlineData("F#m", "F#m | C#7 | Bm E | F#m", "Am | E7 | Dm G | Am")]
    [InlineData("Bbm", "Bbm | F7 | Ebm9 | Gbmaj7", "Am | E7 | Dm9 | Fmaj7")]
    public void The_progression_moves_home_as_the_melody_will(string key, string text, string home)
    {
        var (progression, problems) = Read(text, key: key);

        Assert.Empty(problems);
        Assert.Equal(home, string.Join(" | ", progression!.AtHome(Key.Parse(key)).Select(b => string.Join(' ', b.Chords.Select(c => c?.ToString() ?? "_")))));
    }

    [Fact]
    public void A_restatement_is_kept_only_where_the_progression_agrees_with_it_or_leaves_the_bar_free()
    {
        var (progression, _) = Read("C | F | G | C | C | Dm G | G | _ | C");
        int?[] restates = [null, null, null, null, 0, 1, 2, 3, 0, 1];

        Assert.Equal([null, null, null, null, 0, null, 2, 3, 0, 1], progression!.KeepRestatements(restates));
    }
}

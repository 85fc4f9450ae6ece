using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Corpus;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Tests.Corpus;

/// <summary>The whole OpenEWLD corpus, built once: the figures the format-2 representation rests on.</summary>
public sealed class OpenEwldCorpus
{
    public OpenEwldCorpus() =>
        Corpus = CorpusBuilder.FromDirectory(Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "data", "openewld", "scores")), 20240607);

    public TrainingCorpus Corpus { get; }

    public List<CorpusSequence> Sequences => [.. Enum.GetValues<CorpusSplit>().SelectMany(Corpus.Sequences)];
}

public class OpenEwldCorpusTests(OpenEwldCorpus built) : IClassFixture<OpenEwldCorpus>
{
    private static readonly TokenVocabulary Tokens = CreateTokens();

    [Fact]
    public void Final_positions_mark_exactly_the_windows_that_end_their_piece_and_those_end_on_the_tonic()
    {
        var sequences = built.Sequences;
        var ending = sequences.Where(s => s.EndsPiece).ToList();

        Assert.All(sequences, s => Assert.Equal(
            s.EndsPiece ? [PhrasePosition.Final1, PhrasePosition.Final2] : [PhrasePosition.End1, PhrasePosition.End2],
            s.Conditions.Skip(s.Conditions.Count - 2).Select(c => c.Phrase)));
        Assert.All(sequences, s => Assert.DoesNotContain(s.Conditions.SkipLast(2), c => PhrasePlan.IsFinal(c.Phrase)));
        Assert.InRange(ending.Count / (double)sequences.Count, 0.35, 0.6);

        // A piece's real ending is a cadence far more often than an arbitrary 8-bar boundary.
        var endingOnTonic = ending.Count(CorpusSummary.EndsOnTonic) / (double)ending.Count;
        var othersOnTonic = sequences.Where(s => !s.EndsPiece).Count(CorpusSummary.EndsOnTonic) / (double)(sequences.Count - ending.Count);
        Assert.InRange(endingOnTonic, 0.75, 1);
        Assert.True(othersOnTonic < 0.4, $"{othersOnTonic:P0} of other windows end on the tonic");
    }

    [Fact]
    public void Every_bar_carries_its_arrangement_mode_and_minor_pieces_are_at_home_in_A_minor()
    {
        var pieces = built.Corpus.Pieces;
        var minor = pieces.SelectMany(p => p.Arrangements).Where(a => a.Key.Mode == KeyMode.Minor).ToList();

        Assert.All(minor, a => Assert.Equal("Am", a.Key.ToString()));
        Assert.InRange(minor.Count, 10, 60);
        foreach (var piece in pieces.Where(p => p.Arrangements.Select(a => a.Key.Mode).Distinct().Count() == 1))
        {
            var mode = piece.Arrangements[0].Key.Mode;
            Assert.All(piece.Sequences.SelectMany(s => s.Conditions), c => Assert.Equal(mode, c.Mode));
        }
    }

    [Fact]
    public void Held_notes_are_tied_events_and_the_tie_token_only_ever_follows_a_pitched_note()
    {
        var tally = built.Corpus.Tally;
        var sequences = built.Sequences;

        Assert.InRange(tally.TiedEvents, tally.NotesSplitAtBarline + tally.NotesSplitAtChordChange, 2 * (tally.NotesSplitAtBarline + tally.NotesSplitAtChordChange + tally.NotesSplitIntoDurations));
        foreach (var sequence in sequences)
        {
            var events = sequence.Bars.SelectMany(b => b.Events).ToList();
            Assert.False(events[0].Tied);
            for (var i = 1; i < events.Count; i++)
            {
                Assert.True(!events[i].Tied || (events[i - 1].Pitch is not null && events[i - 1].Pitch == events[i].Pitch));
            }

            var notes = sequence.Tokens.Tokens.Select(t => Tokens[t]).Where(t => t.Kind is TokenKind.Note or TokenKind.Tie).ToList();
            Assert.Equal(events.Count(e => e.Tied), notes.Count(t => t.Kind == TokenKind.Tie));
        }

        var tokens = sequences.Sum(s => s.Tokens.Tokens.Count(t => t == Tokens.Tie));
        Assert.True(tokens > 3000, $"{tokens} tie tokens");
    }

    private static TokenVocabulary CreateTokens()
    {
        TokenVocabulary.TryCreate(TrainingVocabulary.Tokens(), out var tokens, out _);
        return tokens!;
    }
}

using System.Diagnostics.CodeAnalysis;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Vocabulary;

/// <summary>
/// The decoder's tokens, read from a model card: lookup both ways and the ids of each kind. The card is the only
/// place the vocabulary is written down.
/// </summary>
public sealed class TokenVocabulary
{
    private readonly DecoderToken[] _tokens;
    private readonly Dictionary<string, int> _ids;

    private TokenVocabulary(DecoderToken[] tokens)
    {
        _tokens = tokens;
        _ids = tokens.ToDictionary(t => t.Text, t => t.Id, StringComparer.Ordinal);
        int Single(TokenKind kind) => tokens.Single(t => t.Kind == kind).Id;
        Pad = Single(TokenKind.Pad);
        Sos = Single(TokenKind.Sos);
        Eos = Single(TokenKind.Eos);
        Bar = Single(TokenKind.Bar);
        ChordIds = [.. tokens.Where(t => t.Kind == TokenKind.Chord).Select(t => t.Id)];
        NoteIds = [.. tokens.Where(t => t.Kind == TokenKind.Note).Select(t => t.Id)];
        IdOfPitch = tokens.Where(t => t.Kind == TokenKind.Note && t.Pitch is not null).ToDictionary(t => t.Pitch!.Value, t => t.Id);
        DurationIds = [.. tokens.Where(t => t.Kind == TokenKind.Duration).Select(t => t.Id)];
        Tie = tokens.SingleOrDefault(t => t.Kind == TokenKind.Tie)?.Id;
    }

    public int Count => _tokens.Length;

    public int Pad { get; }

    public int Sos { get; }

    public int Eos { get; }

    public int Bar { get; }

    public IReadOnlyList<int> ChordIds { get; }

    /// <summary>Pitched notes and the rest; not the tie, which only a pitched note may precede.</summary>
    public IReadOnlyList<int> NoteIds { get; }

    /// <summary>The note token of each pitch the vocabulary writes (MIDI number → id), for rules that weigh pitches.</summary>
    public IReadOnlyDictionary<int, int> IdOfPitch { get; }

    /// <summary>The tie token's id; null for a vocabulary without ties (format-1 cards), where a held note repeats.</summary>
    public int? Tie { get; }

    public IReadOnlyList<int> DurationIds { get; }

    public IEnumerable<Duration> Durations => DurationIds.Select(id => _tokens[id].Duration);

    public DecoderToken this[int id] => _tokens[id];

    public IReadOnlyList<string> Texts => _tokens.Select(t => t.Text).ToList();

    public int IdOf(string text) => _ids.TryGetValue(text, out var id) ? id : throw new KeyNotFoundException($"The vocabulary has no token '{text}'.");

    public bool TryIdOf(string text, out int id) => _ids.TryGetValue(text, out id);

    /// <summary>Builds a vocabulary from token texts, or lists every reason it cannot.</summary>
    public static bool TryCreate(IReadOnlyList<string> texts, [NotNullWhen(true)] out TokenVocabulary? vocabulary, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        var tokens = new DecoderToken[texts.Count];
        for (var id = 0; id < texts.Count; id++)
        {
            var token = DecoderToken.Parse(id, texts[id]);
            if (token is null)
            {
                found.Add($"token {id} '{texts[id]}' is not pad, sos, eos, bar, chord:<symbol>, note:<0-127>|note:rest, tie or dur:<quarters>");
            }
            else
            {
                tokens[id] = token;
            }
        }

        foreach (var duplicate in texts.GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            found.Add($"token '{duplicate.Key}' appears {duplicate.Count()} times");
        }

        if (found.Count == 0)
        {
            foreach (var kind in new[] { TokenKind.Pad, TokenKind.Sos, TokenKind.Eos, TokenKind.Bar })
            {
                if (tokens.Count(t => t.Kind == kind) != 1)
                {
                    found.Add($"the tokens must hold exactly one '{kind.ToString().ToLowerInvariant()}'");
                }
            }

            foreach (var kind in new[] { TokenKind.Chord, TokenKind.Note, TokenKind.Duration })
            {
                if (!tokens.Any(t => t.Kind == kind))
                {
                    found.Add($"the tokens hold no {kind.ToString().ToLowerInvariant()} tokens");
                }
            }
        }

        problems = found;
        vocabulary = found.Count == 0 ? new TokenVocabulary(tokens) : null;
        return vocabulary is not null;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SithSynth.Domain.Conditioning;

/// <summary>
/// The form of a sheet: one letter per phrase of <see cref="PhrasePlan"/>. A letter seen before restates the first
/// phrase with that letter, melody and chords; a primed letter (A′) restates all but its cadence bars, which are
/// written afresh so the phrase can close differently. <c>through</c> restates nothing.
/// </summary>
public sealed class SongForm
{
    public const string ThroughText = "through";

    /// <summary>The bars at the end of a primed phrase that are written afresh: the cadence (end1, end2).</summary>
    public const int CadenceBars = 2;

    private SongForm(IReadOnlyList<FormPhrase> phrases, bool through)
    {
        Phrases = phrases;
        IsThrough = through;
    }

    public IReadOnlyList<FormPhrase> Phrases { get; }

    public bool IsThrough { get; }

    /// <summary>The form as it is reported and sent back: <c>through</c> or the letters with primes, e.g. <c>AA′BA</c>.</summary>
    public string Text => IsThrough ? ThroughText : string.Concat(Phrases);

    public override string ToString() => Text;

    /// <summary>A form in which every phrase is new.</summary>
    public static SongForm Through(int bars) => new(
        [.. PhrasePlan.PhraseLengths(bars).Select((_, i) => new FormPhrase((char)('A' + Math.Min(i, 25)), 0))], through: true);

    /// <summary>
    /// What a songwriter would pick for the length: one phrase A, two A A′ (the second closes the period), three
    /// A B A, four A A B A (the 32-bar song form), five A A B A A′ (a song form with a closing tag). When the phrase
    /// lengths do not allow it (a short last phrase cannot restate a full one) the sheet is through-composed.
    /// </summary>
    public static SongForm Default(int bars)
    {
        var text = PhrasePlan.PhraseLengths(bars).Count() switch
        {
            1 => "A",
            2 => "AA′",
            3 => "ABA",
            4 => "AABA",
            5 => "AABAA′",
            _ => ThroughText,
        };
        return TryParse(text, bars, out var form, out _) ? form : Through(bars);
    }

    /// <summary>Reads a form for a sheet of <paramref name="bars"/> bars, or says in one sentence what is wrong.</summary>
    public static bool TryParse(string text, int bars, [NotNullWhen(true)] out SongForm? form, [NotNullWhen(false)] out string? problem)
    {
        form = null;
        var lengths = PhrasePlan.PhraseLengths(bars).ToList();
        var layout = string.Join(" + ", lengths);
        var trimmed = text.Trim();
        if (trimmed.Equals(ThroughText, StringComparison.OrdinalIgnoreCase))
        {
            form = Through(bars);
            problem = null;
            return true;
        }

        var phrases = new List<FormPhrase>();
        foreach (var c in trimmed)
        {
            if (char.IsAsciiLetter(c))
            {
                phrases.Add(new FormPhrase(char.ToUpperInvariant(c), 0));
            }
            else if (c is '\'' or '′' or '’' && phrases.Count > 0)
            {
                phrases[^1] = phrases[^1] with { Primes = phrases[^1].Primes + 1 };
            }
            else if (c == '″' && phrases.Count > 0)
            {
                phrases[^1] = phrases[^1] with { Primes = phrases[^1].Primes + 2 };
            }
            else if (!char.IsWhiteSpace(c))
            {
                problem = $"'{text}' is not a form: write one letter per phrase, such as AABA, ABAB or A A′ B A (primes ' or ′), or '{ThroughText}'.";
                return false;
            }
        }

        if (phrases.Count != lengths.Count)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"Form '{text}' has {phrases.Count} phrase{(phrases.Count == 1 ? "" : "s")}, but {bars} bars make {lengths.Count} ({layout} bars): write {lengths.Count} letter{(lengths.Count == 1 ? "" : "s")}, or '{ThroughText}'.");
            return false;
        }

        for (var i = 0; i < phrases.Count; i++)
        {
            var first = phrases.FindIndex(p => p.Letter == phrases[i].Letter);
            if (first == i && phrases[i].Primes > 0)
            {
                problem = $"Form '{text}': {phrases[i]} varies an earlier {phrases[i].Letter}, but it is the first {phrases[i].Letter}; start with {phrases[i].Letter} unprimed.";
                return false;
            }

            if (first < i && lengths[first] != lengths[i])
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"Form '{text}': phrase {i + 1} ({phrases[i]}) has {lengths[i]} bars and cannot restate phrase {first + 1} ({lengths[first]} bars); {bars} bars make {layout}.");
                return false;
            }
        }

        form = new SongForm(phrases, through: false);
        problem = null;
        return true;
    }

    /// <summary>
    /// For each bar, the earlier bar (0-based) whose music it restates, or null for a bar that is written afresh.
    /// A restated bar's source is always a fresh bar, so one pass over the sheet in order can copy it.
    /// </summary>
    public IReadOnlyList<int?> SourceBars(int bars)
    {
        var lengths = PhrasePlan.PhraseLengths(bars).ToList();
        var starts = lengths.Select((_, i) => lengths.Take(i).Sum()).ToList();
        var sources = new int?[bars];
        if (IsThrough)
        {
            return sources;
        }

        for (var i = 0; i < Phrases.Count && i < lengths.Count; i++)
        {
            var first = Phrases.ToList().FindIndex(p => p.Letter == Phrases[i].Letter);
            if (first == i)
            {
                continue;
            }

            var fresh = Phrases[i].Primes > 0 ? Math.Min(CadenceBars, lengths[i] - 1) : 0;
            for (var bar = 0; bar < lengths[i] - fresh; bar++)
            {
                sources[starts[i] + bar] = starts[first] + bar;
            }
        }

        return sources;
    }
}

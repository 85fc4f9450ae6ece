namespace SithSynth.Cli;

/// <summary>The known name a mistyped command or option most likely meant: a few edits away, or the one it begins.</summary>
internal static class TypoSuggestion
{
    private const int MostEdits = 2;

    public static string? Closest(string typed, IEnumerable<string> known)
    {
        var word = typed.TrimStart('-');
        if (word.Length < 2)
        {
            return null;
        }

        var candidates = known.Distinct(StringComparer.Ordinal).Where(k => k != typed).ToList();
        var nearest = candidates
            .Select(name => (Name: name, Edits: Edits(word, name.TrimStart('-'))))
            .Where(c => c.Edits <= Math.Min(MostEdits, word.Length / 2))
            .OrderBy(c => c.Edits)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
        if (nearest is not null)
        {
            return nearest;
        }

        var begun = candidates.Where(name => name.TrimStart('-').StartsWith(word, StringComparison.Ordinal)).ToList();
        return begun.Count == 1 ? begun[0] : null;
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions.</summary>
    public static int Edits(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

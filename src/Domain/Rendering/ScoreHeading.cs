using System.Text.RegularExpressions;

namespace SithSynth.Domain.Rendering;

/// <summary>
/// What a score's head says: a short title a page can hold ("Lead sheet in C major"), and the details that tell how
/// the sheet was made (model, seed, variation), which go into MusicXML's miscellaneous fields rather than the title.
/// </summary>
public sealed partial record ScoreHeading(string Title, IReadOnlyList<KeyValuePair<string, string>> Details)
{
    /// <summary>
    /// Reads a full title of the form "Lead sheet in C major, 4/4 (model transformer, seed 11, variation 1)": the part
    /// before the first comma is the title (the meter shows in the time signature), and each "name value" in the
    /// brackets is a detail. Any other text is all title.
    /// </summary>
    public static ScoreHeading FromTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var match = FullTitle().Match(title);
        if (!match.Success)
        {
            return new ScoreHeading(title, []);
        }

        var details = match.Groups["details"].Value
            .Split(", ")
            .Select(d => d.Split(' ', 2))
            .Select(parts => KeyValuePair.Create(parts[0], parts[1]))
            .ToList();
        return new ScoreHeading(match.Groups["title"].Value, details);
    }

    [GeneratedRegex(@"^(?<title>[^,(]+?)(, [^(]+)? \((?<details>[^ ,()]+ [^,()]+(, [^ ,()]+ [^,()]+)*)\)$")]
    private static partial Regex FullTitle();
}

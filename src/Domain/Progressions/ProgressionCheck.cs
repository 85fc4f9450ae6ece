using SithSynth.Domain.Music;
using SithSynth.Domain.Rendering;

namespace SithSynth.Domain.Progressions;

/// <summary>
/// Reads back whether a sheet follows a progression, both in the requested key: a fixed beat group is followed when
/// every event sounding in any part of it carries its chord, so that chord sounds the whole group and nothing else does.
/// </summary>
public static class ProgressionCheck
{
    public static IReadOnlyList<FollowedBar> Compare(ChordProgression progression, LeadSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(progression);
        ArgumentNullException.ThrowIfNull(sheet);
        return [.. sheet.Measures.Select((measure, index) =>
        {
            var bar = progression.Bar(index);
            var events = measure.EventsWithOnsets().ToList();
            var length = bar.GroupLength(sheet.TimeSignature);
            var followed = bar.Chords.Select((chord, g) => (chord, start: length * g, end: length * (g + 1)))
                .Where(group => group.chord is not null)
                .All(group => events.Where(e => e.Onset < group.end && e.Onset + e.Event.Duration > group.start).All(e => e.Event.Chord == group.chord));
            var written = events.Select(e => e.Event.Chord).Where((chord, i) => i == 0 || chord != events[i - 1].Event.Chord);
            var source = bar.IsFree ? ChordSource.Model : bar.Chords.All(c => c is not null) ? ChordSource.User : ChordSource.Both;
            return new FollowedBar(index + 1, bar.Text, string.Join(' ', written.Select(c => Name(c, sheet.Key))), source, followed);
        })];
    }

    /// <summary>A chord's name as the sheet spells it in its key: Bb7 in F, not A#7.</summary>
    public static string Name(ChordSymbol chord, Key key)
    {
        ArgumentNullException.ThrowIfNull(chord);
        return chord.IsNoChord
            ? chord.ToString()
            : ChordSpelling.Root(chord, key) + ChordKindNames.Suffix(chord.Kind) + (chord.Bass is { } bass ? "/" + key.Spell(bass) : "");
    }
}

using SithSynth.Domain.Music;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// Which chords a sheet uses, counted once per chord span (a chord from where it starts to where the next begins;
/// N.C. is no chord and not counted): their qualities, how many stand outside the key's scale
/// (<see cref="KeyScale"/>), and whether the first chord is the tonic of the key and mode — most songs open on I.
/// </summary>
public static class ChordPalette
{
    public static ChordPaletteFacts Of(LeadSheet sheet, Key key)
    {
        var qualities = new Distribution<ChordKind>();
        var outOfKey = 0;
        ChordSymbol? previous = null;
        ChordSymbol? first = null;
        foreach (var e in sheet.Events)
        {
            if (e.Chord == previous)
            {
                continue;
            }

            previous = e.Chord;
            if (e.Chord.IsNoChord)
            {
                continue;
            }

            first ??= e.Chord;
            qualities.Add(e.Chord.Kind);
            outOfKey += KeyScale.Contains(key, e.Chord.Root) ? 0 : 1;
        }

        return new ChordPaletteFacts(qualities, outOfKey, first is not null && SheetEnding.IsTonic(first, key.Tonic.PitchClass, key.Mode));
    }
}

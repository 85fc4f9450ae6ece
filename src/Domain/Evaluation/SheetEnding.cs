using SithSynth.Domain.Music;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// Reads a sheet's ending against a key. The tonic chord is the key's root with the mode's third (C or Cmaj7 in C,
/// Am, Am7 or Am9 in A minor); the dominant is the major or seventh chord a fifth above; V→I means the last chord is
/// the tonic and the chord sounding before it is the dominant. The final note is long when it lasts half a bar or more.
/// </summary>
public static class SheetEnding
{
    public static EndingFacts Of(LeadSheet sheet, Key key)
    {
        var events = sheet.Events.ToList();
        if (events.Count == 0)
        {
            return new EndingFacts(false, false, false, false);
        }

        var tonic = key.Tonic.PitchClass;
        var lastChord = events[^1].Chord;
        var tonicChord = IsTonic(lastChord, tonic, key.Mode);
        var before = events.LastOrDefault(e => e.Chord != lastChord)?.Chord;
        var lastNote = MelodyLine.Of(sheet).LastOrDefault(n => !n.IsRest);
        return new EndingFacts(
            tonicChord,
            lastNote?.Pitch is { } pitch && PitchClass.Of(pitch) == tonic,
            tonicChord && before is not null && IsDominant(before, tonic),
            lastNote is not null && lastNote.Length * 2 >= sheet.TimeSignature.BarLength);
    }

    public static bool IsTonic(ChordSymbol chord, int tonic, KeyMode mode) =>
        !chord.IsNoChord && chord.Root == tonic && (mode == KeyMode.Major
            ? chord.Kind is ChordKind.Major or ChordKind.Major7
            : chord.Kind is ChordKind.Minor or ChordKind.Minor7 or ChordKind.Minor9);

    public static bool IsDominant(ChordSymbol chord, int tonic) =>
        chord.Root == PitchClass.Of(tonic + 7) && chord.Kind is ChordKind.Major or ChordKind.Dominant7 or ChordKind.Dominant9;
}

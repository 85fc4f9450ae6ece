using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// The chords of the home key the decoding rules name, as token ids: the tonic (C, Cmaj7 at home in major; Am, Am7,
/// Am9 in minor) and the dominant, major in either mode (G, G7; E, E7 with the raised seventh in A minor).
/// </summary>
internal static class HomeChords
{
    public static HashSet<int> Tonic(TokenVocabulary tokens, KeyMode mode)
    {
        var root = Key.HomeOf(mode).Tonic.PitchClass;
        return Where(tokens, c => c.Root == root && (mode == KeyMode.Major
            ? c.Kind is ChordKind.Major or ChordKind.Major7
            : c.Kind is ChordKind.Minor or ChordKind.Minor7 or ChordKind.Minor9));
    }

    public static HashSet<int> Dominant(TokenVocabulary tokens, KeyMode mode)
    {
        var root = (Key.HomeOf(mode).Tonic.PitchClass + 7) % 12;
        return Where(tokens, c => c.Root == root && c.Kind is ChordKind.Major or ChordKind.Dominant7);
    }

    private static HashSet<int> Where(TokenVocabulary tokens, Func<ChordSymbol, bool> predicate) =>
        [.. tokens.ChordIds.Where(id => tokens[id].Chord is { } chord && predicate(chord))];
}

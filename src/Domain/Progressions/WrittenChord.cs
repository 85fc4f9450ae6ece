using System.Diagnostics.CodeAnalysis;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Progressions;

/// <summary>
/// A chord symbol as a person writes it in a progression: a root, a quality and perhaps a slash bass. Besides the
/// qualities the models speak (the card's chord tokens: C, Cm, C7, Cmaj7, Cm7, Cdim, C9, Cm9, N.C.) it reads the common
/// lead-sheet ones they do not (C6, Csus4, Cm7b5, Cdim7, Cmaj9, C13, Cmaj, C-7…), so that a refusal can name the
/// chord the model can write instead (<see cref="NearestChord"/>). <see cref="Symbol"/> is set only for the former.
/// </summary>
public sealed record WrittenChord(string Text, int Root, IReadOnlySet<int> PitchClasses, int? Bass, ChordSymbol? Symbol)
{
    // Qualities the models fold away or never saw, by their tones above the root (ninths as seconds, and so on).
    private static readonly Dictionary<string, int[]> OtherQualities = new(StringComparer.Ordinal)
    {
        ["M"] = [0, 4, 7], ["maj"] = [0, 4, 7], ["Maj"] = [0, 4, 7],
        ["min"] = [0, 3, 7], ["mi"] = [0, 3, 7], ["-"] = [0, 3, 7],
        ["M7"] = [0, 4, 7, 11], ["Maj7"] = [0, 4, 7, 11], ["Δ"] = [0, 4, 7, 11], ["Δ7"] = [0, 4, 7, 11],
        ["-7"] = [0, 3, 7, 10], ["min7"] = [0, 3, 7, 10], ["mi7"] = [0, 3, 7, 10],
        ["5"] = [0, 7],
        ["6"] = [0, 4, 7, 9], ["m6"] = [0, 3, 7, 9], ["69"] = [0, 4, 7, 9, 2],
        ["sus"] = [0, 5, 7], ["sus4"] = [0, 5, 7], ["sus2"] = [0, 2, 7], ["7sus"] = [0, 5, 7, 10], ["7sus4"] = [0, 5, 7, 10],
        ["aug"] = [0, 4, 8], ["+"] = [0, 4, 8], ["7#5"] = [0, 4, 8, 10], ["aug7"] = [0, 4, 8, 10], ["+7"] = [0, 4, 8, 10],
        ["o"] = [0, 3, 6], ["dim7"] = [0, 3, 6, 9], ["o7"] = [0, 3, 6, 9],
        ["m7b5"] = [0, 3, 6, 10], ["ø"] = [0, 3, 6, 10], ["ø7"] = [0, 3, 6, 10],
        ["mmaj7"] = [0, 3, 7, 11], ["mM7"] = [0, 3, 7, 11],
        ["add9"] = [0, 4, 7, 2], ["add2"] = [0, 4, 7, 2], ["madd9"] = [0, 3, 7, 2],
        ["maj9"] = [0, 4, 7, 11, 2], ["M9"] = [0, 4, 7, 11, 2],
        ["7b9"] = [0, 4, 7, 10, 1], ["7#9"] = [0, 4, 7, 10, 3],
        ["11"] = [0, 4, 7, 10, 2, 5], ["m11"] = [0, 3, 7, 10, 2, 5],
        ["13"] = [0, 4, 7, 10, 2, 9], ["m13"] = [0, 3, 7, 10, 2, 9], ["maj13"] = [0, 4, 7, 11, 2, 9],
    };

    /// <summary>Reads a symbol; false when it has no root (a letter A–G and any sharps or flats) or no quality we know.</summary>
    public static bool TryRead(string text, [NotNullWhen(true)] out WrittenChord? chord)
    {
        chord = null;
        if (ChordSymbol.TryParse(text, out var symbol))
        {
            chord = new WrittenChord(text, symbol.Root, symbol.PitchClasses.ToHashSet(), symbol.Bass, symbol);
            return true;
        }

        // The card's own qualities were read above, so only the others remain.
        if (!ChordSymbol.TrySplitBass(text, out var body, out var bass)
            || !PitchClass.TryParseName(body, out var root, out var rootLength)
            || !OtherQualities.TryGetValue(body[rootLength..], out var intervals))
        {
            return false;
        }

        chord = new WrittenChord(text, root, intervals.Select(i => PitchClass.Of(root + i)).ToHashSet(), bass, null);
        return true;
    }

    /// <summary>The same chord moved by <paramref name="semitones"/>; the text stays as written.</summary>
    public WrittenChord Transpose(int semitones) => this with
    {
        Root = PitchClass.Of(Root + semitones),
        PitchClasses = PitchClasses.Select(p => PitchClass.Of(p + semitones)).ToHashSet(),
        Bass = Bass is { } bass ? PitchClass.Of(bass + semitones) : null,
        Symbol = Symbol?.Transpose(semitones),
    };

    /// <summary>The root as written, e.g. "C#" of "C#sus4", so a suggestion keeps the writer's spelling.</summary>
    public string RootText => PitchClass.TryParseName(Text, out _, out var length) ? Text[..length] : "";
}

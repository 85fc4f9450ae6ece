using System.Globalization;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Progressions;

/// <summary>
/// A chord progression for the sheet to follow, written in the requested key: bars separated by <c>|</c>, each bar one
/// chord symbol or several, which split it into that many equal beat groups (<c>"C | Am | F G | C"</c>: in 4/4 F
/// fills beats 1–2 and G beats 3–4). A bar splits only where its beats divide evenly: into 1, 2 or 4 groups in 4/4
/// and 12/8, 1 or 3 in 3/4, 1 or 2 in 2/4, 2/2 and 6/8. <c>_</c> (or <c>-</c>) leaves a bar or a group to the model;
/// bars past the progression's end are free too. Symbols use the model card's chord syntax (C, Ebm, F#7, Bbmaj7,
/// Am7, Bdim, G9, Dm9, N.C.).
/// </summary>
public sealed class ChordProgression
{
    public const char BarSeparator = '|';

    /// <summary>Leaves a bar or a beat group to the model; <see cref="OtherFreeMark"/> means the same.</summary>
    public const string FreeMark = "_";

    public const string OtherFreeMark = "-";

    private ChordProgression(IReadOnlyList<ProgressionBar> bars) => Bars = bars;

    /// <summary>The bars the progression gives, in the requested key; the sheet may be longer.</summary>
    public IReadOnlyList<ProgressionBar> Bars { get; }

    /// <summary>The progression as it is reported and sent back: bars joined by " | ", groups by one space.</summary>
    public string Text => string.Join(" | ", Bars.Select(b => b.Text));

    public override string ToString() => Text;

    /// <summary>Bar <paramref name="index"/> (0-based) of a sheet: the progression's bar, or a free one past its end.</summary>
    public ProgressionBar Bar(int index) => index < Bars.Count ? Bars[index] : ProgressionBar.Free;

    /// <summary>The bars moved home (C major or A minor), where the models write: by −<see cref="Key.TranspositionFromHome"/>.</summary>
    public IReadOnlyList<ProgressionBar> AtHome(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return [.. Bars.Select(b => b.Transpose(-key.TranspositionFromHome))];
    }

    /// <summary>
    /// The form's restatements that do not contradict the progression: a bar keeps restating its source bar when the
    /// progression leaves it free, or gives it the same chords in the same beat groups as the source; any other
    /// restatement is dropped (null) and the bar is written afresh over its own chords. The progression wins.
    /// </summary>
    public IReadOnlyList<int?> KeepRestatements(IReadOnlyList<int?> restates)
    {
        ArgumentNullException.ThrowIfNull(restates);
        return [.. restates.Select((source, bar) => source is { } s && (Bar(bar).IsFree || Bar(bar).SameChords(Bar(s))) ? source : null)];
    }

    /// <summary>How many equal beat groups a bar of <paramref name="meter"/> may be split into: the divisors of its beats.</summary>
    public static IReadOnlyList<int> Splits(TimeSignature meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        return [.. Enumerable.Range(1, meter.Pulses).Where(k => meter.Pulses % k == 0)];
    }

    /// <summary>
    /// Reads a progression, or lists every problem, each naming the bar (and beat) it is at. Checks that need what the
    /// request does not settle are skipped when it is missing: the meter (splits), the sheet's bars (length), the key
    /// and the model's chords (<paramref name="vocabulary"/>, at home).
    /// </summary>
    public static ChordProgression? Read(
        string text, TimeSignature? meter, int? sheetBars, Key? key, IReadOnlyList<ChordSymbol>? vocabulary, string model, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);
        var found = problems.Count;
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add("The progression is empty: write one chord symbol per bar (or per beat group), bars separated by |, such as \"C | Am | F G | C\"; _ leaves a bar free.");
            return null;
        }

        var texts = text.Split(BarSeparator);
        if (sheetBars is { } length && texts.Length > length)
        {
            problems.Add(Invariant($"The progression has {texts.Length} bars, but the sheet has {length}: give at most {length} bars, or ask for more bars."));
        }

        var bars = new List<ProgressionBar>(texts.Length);
        for (var b = 0; b < texts.Length; b++)
        {
            var symbols = texts[b].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (symbols.Length == 0)
            {
                problems.Add(Invariant($"Bar {b + 1} of the progression is empty: write a chord symbol, or {FreeMark} to leave the bar free."));
                continue;
            }

            if (meter is not null && !Splits(meter).Contains(symbols.Length))
            {
                problems.Add(Invariant($"Bar {b + 1} has {symbols.Length} chords ({string.Join(' ', symbols)}), but a bar of {meter} splits evenly on its beats only into {Or(Splits(meter))} chord{(Splits(meter).Count == 1 ? "" : "s")}."));
            }

            var chords = new ChordSymbol?[symbols.Length];
            var written = new string[symbols.Length];
            for (var g = 0; g < symbols.Length; g++)
            {
                var symbol = symbols[g];
                var at = Position(b, g, symbols.Length, meter);
                written[g] = symbol is OtherFreeMark ? FreeMark : symbol;
                if (symbol is FreeMark or OtherFreeMark)
                {
                    continue;
                }

                if (!WrittenChord.TryRead(symbol, out var chord))
                {
                    problems.Add($"'{symbol}' ({at}) is not a chord symbol: write a root (C, Eb, F#) and a quality the model writes ({Qualities(vocabulary)}), N.C. for no chord, or {FreeMark} to leave it to the model.");
                    continue;
                }

                // The model's chords are at home, so the symbol is checked there and the suggestion moved back.
                var home = key is null ? null : chord.Transpose(-key.TranspositionFromHome);
                if (vocabulary is not null && home is not null && (home.Symbol is not { } symbolAtHome || !vocabulary.Contains(symbolAtHome)))
                {
                    var nearest = NearestChord.Find(home, vocabulary).Transpose(key!.TranspositionFromHome);
                    problems.Add($"Model '{model}' cannot write '{symbol}' ({at}); the nearest chord it writes is {Name(nearest, chord)}.");
                    continue;
                }

                chords[g] = chord.Symbol;
            }

            bars.Add(new ProgressionBar(chords, written));
        }

        return problems.Count == found ? new ChordProgression(bars) : null;
    }

    // "bar 3" for a whole-bar chord, "bar 3, beat 3" for the second half of a 4/4 bar (beats as the meter counts them).
    private static string Position(int bar, int group, int groups, TimeSignature? meter) =>
        groups == 1 ? Invariant($"bar {bar + 1}")
        : meter is not null && meter.Pulses % groups == 0 ? Invariant($"bar {bar + 1}, beat {(group * meter.Pulses / groups) + 1}")
        : Invariant($"bar {bar + 1}, chord {group + 1}");

    // The suggestion keeps the writer's spelling of the root when it is the same root (C#sus4 → C#, not Db).
    private static string Name(ChordSymbol nearest, WrittenChord wanted) => nearest.Root == wanted.Root && wanted.RootText.Length > 0
        ? wanted.RootText + ChordKindNames.Suffix(nearest.Kind)
        : nearest.ToString();

    private static string Qualities(IReadOnlyList<ChordSymbol>? vocabulary)
    {
        var kinds = vocabulary?.Select(c => c.Kind).Where(k => k != ChordKind.NoChord).Distinct().Order().ToList()
            ?? [.. Enum.GetValues<ChordKind>().Where(k => k != ChordKind.NoChord)];
        return string.Join(", ", kinds.Select(k => "C" + ChordKindNames.Suffix(k)));
    }

    private static string Or(IReadOnlyList<int> counts) => counts.Count == 1
        ? counts[0].ToString(CultureInfo.InvariantCulture)
        : string.Join(", ", counts.SkipLast(1)) + Invariant($" or {counts[^1]}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

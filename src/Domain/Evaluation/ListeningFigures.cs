using SithSynth.Domain.Music;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// The rows of what a musician hears, each with its target from issues 10 and 11. Endings and the key estimate
/// take their human figure from the held-out pieces' last bars, everything else from the held-out windows; the
/// distances are to the human windows (so the human figure is 0 and the floor shows what chance alone gives).
/// </summary>
public static class ListeningFigures
{
    public static IReadOnlyList<Figure> Of(ListeningSets s)
    {
        var (requests, curves, human, floor, endings) = (s.Requests, s.Curves, s.Human, s.Floor, s.HumanEndings);
        var rows = new List<Figure>
        {
            new("valid", "valid sheets", true, s.ValidShare, null, null, null, FigureTarget.AtLeast(1, percent: true)),
        };

        Figure Row(string name, string label, bool percent, Func<FigureSet, double?> of, FigureTarget? target = null, bool fromEndings = false) =>
            new(name, label, percent, of(requests), curves is null ? null : of(curves), (fromEndings ? endings : human) is { } h ? of(h) : null, floor is null || fromEndings ? null : of(floor), target);

        Figure Distance(string name, string label, Func<FigureSet, double?> of, FigureTarget? target = null) =>
            new(name, label, false, of(requests), curves is null ? null : of(curves), human is null ? null : 0, floor is null ? null : of(floor), target);

        rows.Add(Row("repeats", "repeated notes, share of intervals", true, f => f.IntervalShare(IntervalClass.Repeat), FigureTarget.AtMost(0.22, percent: true)));
        rows.Add(Row("steps", "steps (1–2 semitones)", true, f => f.IntervalShare(IntervalClass.Step), FigureTarget.AtLeast(0.45, percent: true)));
        rows.Add(Row("thirds", "thirds (3–4)", true, f => f.IntervalShare(IntervalClass.Third)));
        rows.Add(Row("fourthsFifths", "fourths and fifths (5–7)", true, f => f.IntervalShare(IntervalClass.FourthOrFifth)));
        rows.Add(Row("leaps", "larger leaps (8+)", true, f => f.IntervalShare(IntervalClass.Larger)));
        rows.Add(Distance("intervalDistance", "interval histogram, total-variation distance to human", f => human is null ? null : f.Intervals.TotalVariation(human.Intervals), FigureTarget.AtMost(0.08)));
        rows.Add(Row("pitchRange", "pitch range per sheet (semitones)", false, f => f.MeanPitchRange, FigureTarget.AtMost(15)));
        rows.Add(Row("recurringBars", "bars whose melody recurs elsewhere in the sheet", true, f => f.RecurringBars, FigureTarget.AtLeast(0.25, percent: true)));
        rows.Add(Row("restatedMelody", "bars 9–16 whose melody equals bar i−8", true, f => f.RestatedMelody, FigureTarget.AtLeast(0.10, percent: true)));
        rows.Add(Row("restatedRhythm", "bars 9–16 whose rhythm equals bar i−8", true, f => f.RestatedRhythm));
        if (s.Forms is not null)
        {
            rows.Add(new("form32SecondPhrase", "32 bars by default: bars 9–16 restate 1–8 (≥ 6 of 8 bars)", true, s.FormSecondPhraseRestated, null, null, null, null));
            rows.Add(new("form32LastPhrase", "32 bars by default: bars 25–32 restate 1–8 (≥ 6 of 8 bars)", true, s.FormLastPhraseRestated, null, null, null, null));
        }

        rows.Add(Row("lastChordTonic", "last chord is the tonic of the key and mode", true, f => f.LastChordTonic, FigureTarget.AtLeast(0.80, percent: true), fromEndings: true));
        rows.Add(Row("lastNoteTonic", "last melody note is the tonic", true, f => f.LastNoteTonic, FigureTarget.AtLeast(0.60, percent: true), fromEndings: true));
        rows.Add(Row("dominantToTonic", "V→I at the end", true, f => f.DominantToTonic, FigureTarget.AtLeast(0.40, percent: true), fromEndings: true));
        rows.Add(Row("longFinalNote", "final note at least half a bar", true, f => f.LongFinalNote, FigureTarget.AtLeast(0.50, percent: true), fromEndings: true));
        rows.Add(Row("chordChangesPerBar", "chord changes per bar", false, f => f.ChordChangesPerBar, FigureTarget.Between(0.9, 1.3)));
        rows.Add(Row("longestOneChordRun", "longest run of bars on one chord (mean)", false, f => f.MeanLongestOneChordRun, FigureTarget.AtMost(3.5)));
        rows.Add(Row("eightBarsOneChord", "sheets with ≥ 8 bars on one chord", true, f => f.EightBarOneChordSheets, FigureTarget.AtMost(0.05, percent: true)));
        rows.Add(Row("shortChordSpans", "chord spans shorter than a beat", true, f => f.ShortChordSpans, FigureTarget.AtMost(0.05, percent: true)));
        rows.Add(Row("mostChordsInBar", "most chords in one bar", false, f => f.MostChordsInBar, FigureTarget.AtMost(4)));
        rows.Add(Row("openingChordTonic", "first chord is the tonic of the key and mode", true, f => f.OpeningChordTonic, FigureTarget.AtLeast(0.40, percent: true)));
        rows.Add(Row("outOfKeyChords", "chords rooted outside the key's scale", true, f => f.OutOfKeyChords, FigureTarget.AtMost(0.10, percent: true)));
        foreach (var (kind, name) in PaletteKinds)
        {
            rows.Add(Row($"chordQuality {kind}", $"chord spans that are {name}", true, f => f.ChordQualities.Share(kind)));
        }

        rows.Add(Distance("chordQualityDistance", "chord qualities, total-variation distance to human", f => human is null ? null : f.ChordQualities.TotalVariation(human.ChordQualities), FigureTarget.AtMost(0.10)));
        foreach (var meter in s.Meters)
        {
            rows.Add(Distance($"durationDistance {meter}", $"duration histogram distance to human, {meter}", f => DurationDistance(f, human, meter), FigureTarget.AtMost(0.15)));
            rows.Add(Distance($"durationDistanceInBin {meter}", $"duration distance to human bars of the same density bin, {meter}", f => human is null ? null : f.DurationDistanceWithinBins(human, meter), null));
        }

        rows.Add(Row("sixteenths", "sixteenths, share of notes and rests", true, f => f.SixteenthShare, FigureTarget.AtMost(0.10, percent: true)));
        rows.Add(Row("sixteenths 4/4", "sixteenths in 4/4", true, f => f.SixteenthShareIn("4/4")));
        rows.Add(Row("sixteenths 6/8", "sixteenths in 6/8", true, f => f.SixteenthShareIn("6/8")));
        rows.Add(Row("highDensityNotes", "notes per \"high\" density 4/4 bar", false, f => f.HighDensity44NotesPerBar, FigureTarget.WithinOfHuman(0.7)));
        rows.Add(Row("highDensitySixteenths", "sixteenths in \"high\" density 4/4 bars", true, f => f.HighDensity44Sixteenths));
        rows.Add(Row("midBarCrossings", "6/8: notes crossing the dotted-quarter mid-bar", true, f => f.MidBarCrossings68, FigureTarget.AtMost(0.08, percent: true)));
        rows.Add(Row("phraseEndNotes", "phrase-end bars' notes relative to other bars", false, f => f.PhraseEndNoteRatio, FigureTarget.AtMost(0.85)));
        rows.Add(Row("keyEstimate", "key estimate (Krumhansl–Schmuckler) = requested key and mode", true, f => f.KeyEstimateMatches, fromEndings: true));
        if (s.Minor is { } minor)
        {
            var minorHuman = s.HumanMinorEndings;
            rows.Add(new("minorKeyEstimate", "minor requests: key estimate = the requested minor key", true, minor.KeyEstimateMatches, null, minorHuman?.KeyEstimateMatches, null, FigureTarget.AtLeast(0.70, percent: true)));
            rows.Add(new("minorLastChordTonic", "minor requests: last chord is the minor tonic", true, minor.LastChordTonic, null, minorHuman?.LastChordTonic, null, FigureTarget.AtLeast(0.70, percent: true)));
            rows.Add(new("minorDiffersFromMajor", "minor request writes other music than the major one, same seed", true, s.MinorDiffersFromMajor, null, null, null, FigureTarget.AtLeast(1, percent: true)));
        }

        if (s.ProgressionChordTones is { } followed)
        {
            rows.Add(new("progressionChordTones", "over the held-out windows' own chords: melody notes on the beat that are chord tones", true, followed, null, s.HumanProgressionChordTones, null, FigureTarget.WithinOfHuman(0.05, percent: true)));
        }

        foreach (var (meter, control) in s.ControlByMeter)
        {
            rows.Add(new($"valenceMae {meter}", $"valence MAE (bins), {meter}", false, control.ValenceMae, null, null, null, FigureTarget.AtMost(EvaluationTargets.ValenceMae)));
            rows.Add(new($"densityInBin {meter}", $"density in-bin, {meter}", true, control.DensityInBin, null, null, null, FigureTarget.AtLeast(EvaluationTargets.DensityInBin, percent: true)));
        }

        rows.Add(new("copiedNotes", "longest run of notes copied from a training piece (mean per sheet)", false, requests.MeanLongestCopy, curves?.MeanLongestCopy, human?.MeanLongestCopy, null, FigureTarget.NoMoreThanHuman()));
        rows.Add(new("copiedNotesMost", "longest run of notes copied from a training piece (most)", false, requests.LongestCopy, curves?.LongestCopy, human?.LongestCopy, null, null));
        rows.Add(Row("diversity", "same request: share of bars whose melody differs between sheets", true, f => f.SameRequestDiversity));
        if (s.Regenerated is { } span)
        {
            rows.AddRange(SpanRows(span, human));
        }

        return rows;
    }

    // Regenerated spans against the human windows, with the targets the whole sheets answer to (issues 10, 11, 16).
    private static IEnumerable<Figure> SpanRows(SpanFigures span, FigureSet? human)
    {
        Figure Row(string name, string label, bool percent, double? value, double? of, FigureTarget? target) =>
            new($"regenerated {name}", $"regenerated spans: {label}", percent, value, null, of, null, target);
        yield return Row("kept", "bars outside the span unchanged", true, span.KeptIntact, null, FigureTarget.AtLeast(1, percent: true));
        yield return Row("changed", "spans that differ from the source", true, span.Changed, null, FigureTarget.AtLeast(0.95, percent: true));
        yield return Row("repeats", "repeated notes (joins with the kept bars included)", true, span.IntervalShare(IntervalClass.Repeat), human?.IntervalShare(IntervalClass.Repeat), FigureTarget.AtMost(0.22, percent: true));
        yield return Row("steps", "steps (1–2 semitones)", true, span.IntervalShare(IntervalClass.Step), human?.IntervalShare(IntervalClass.Step), FigureTarget.AtLeast(0.45, percent: true));
        yield return Row("intervalDistance", "interval histogram, total-variation distance to human", false, human is null ? null : span.Intervals.TotalVariation(human.Intervals), human is null ? null : 0, FigureTarget.AtMost(0.08));
        yield return Row("joinLeaps", "joins with the kept bars that leap more than a fifth", true, span.JoinLeaps, human?.IntervalShare(IntervalClass.Larger), FigureTarget.WithinOfHuman(0.05, percent: true));
        yield return Row("durationDistance", "duration histogram distance to human, worst meter", false, human is null ? null : span.WorstDurationDistance(human), human is null ? null : 0, FigureTarget.AtMost(0.15));
        yield return Row("sixteenths", "sixteenths, share of notes and rests", true, span.SixteenthShare, human?.SixteenthShare, FigureTarget.AtMost(0.10, percent: true));
        yield return Row("chordChanges", "chord changes per bar (into the span included)", false, span.ChordChangesPerBar, human?.ChordChangesPerBar, FigureTarget.Between(0.9, 1.3));
    }

    // The qualities lead sheets mostly use; the rest (ninths, N.C.) stay in the distance but get no row of their own.
    private static readonly (ChordKind Kind, string Name)[] PaletteKinds =
    [
        (ChordKind.Major, "major triads"), (ChordKind.Minor, "minor triads"), (ChordKind.Dominant7, "dominant sevenths"),
        (ChordKind.Major7, "major sevenths"), (ChordKind.Minor7, "minor sevenths"), (ChordKind.Diminished, "diminished"),
    ];

    private static double? DurationDistance(FigureSet set, FigureSet? human, string meter) =>
        human is not null && set.DurationsByMeter.TryGetValue(meter, out var mine) && human.DurationsByMeter.TryGetValue(meter, out var theirs)
            ? mine.TotalVariation(theirs)
            : null;
}

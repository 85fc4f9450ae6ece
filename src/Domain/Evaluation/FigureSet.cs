using SithSynth.Domain.Analysis;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// What a musician hears in a set of sheets, pooled over them. Shares are 0..1; a figure that the set cannot show
/// (no 6/8 sheet for the mid-bar figure, no sheet of 16 bars for i−8, no second sheet of a request for diversity)
/// is null rather than zero.
/// </summary>
public sealed record FigureSet(
    int Sheets,
    Distribution<IntervalClass> Intervals,
    double MeanPitchRange,
    double RecurringBars,
    double? RestatedMelody,
    double? RestatedRhythm,
    double LastChordTonic,
    double LastNoteTonic,
    double DominantToTonic,
    double LongFinalNote,
    double ChordChangesPerBar,
    double MeanLongestOneChordRun,
    double EightBarOneChordSheets,
    double ShortChordSpans,
    int MostChordsInBar,
    Distribution<ChordKind> ChordQualities,
    double OutOfKeyChords,
    double OpeningChordTonic,
    IReadOnlyDictionary<string, Distribution<Duration>> DurationsByMeter,
    double SixteenthShare,
    double? MidBarCrossings68,
    double? PhraseEndNoteRatio,
    double? HighDensity44NotesPerBar,
    double? HighDensity44Sixteenths,
    double KeyEstimateMatches,
    double? MeanLongestCopy,
    int? LongestCopy,
    double? SameRequestDiversity)
{
    /// <summary>Notes and rests this short or shorter count as sixteenths (triplet sixteenths too).</summary>
    public static readonly Duration Sixteenth = new(1, 4);

    private static readonly TimeSignature SixEight = new(6, 8);

    public double IntervalShare(IntervalClass c) => Intervals.Share(c);

    public static FigureSet Of(IReadOnlyList<MeasuredSheet> sheets, CopyIndex? copies = null)
    {
        if (sheets.Count == 0)
        {
            throw new ArgumentException("Measuring figures needs at least one sheet.", nameof(sheets));
        }

        var intervals = new long[Enum.GetValues<IntervalClass>().Length];
        var durations = new Dictionary<string, Distribution<Duration>>(StringComparer.Ordinal);
        var durationsByBin = new Dictionary<string, Distribution<Duration>>(StringComparer.Ordinal);
        var ranges = new List<int>();
        int recurring = 0, soundingBars = 0, restatedMelody = 0, restatedRhythm = 0, restatedBars = 0;
        int lastChord = 0, lastNote = 0, cadence = 0, longFinal = 0, keyMatches = 0;
        int changes = 0, bars = 0, spans = 0, shortSpans = 0, mostInBar = 0, eightBarRuns = 0;
        var qualities = new Distribution<ChordKind>();
        double outOfKey = 0, paletteSpans = 0, openings = 0;
        double longestRuns = 0;
        long sounding = 0, sixteenths = 0, notes68 = 0, crossing68 = 0, highBars = 0, highNotes = 0, highEvents = 0, highSixteenths = 0;
        long endNotes = 0, endBars = 0, otherNotes = 0, otherBars = 0;
        foreach (var measured in sheets)
        {
            var sheet = measured.Sheet;
            IntervalClasses.Count(sheet, intervals);
            var line = MelodyLine.Of(sheet);
            var pitches = line.Where(n => !n.IsRest).Select(n => n.Pitch!.Value).ToList();
            if (pitches.Count > 0)
            {
                ranges.Add(pitches.Max() - pitches.Min());
            }

            var (r, b) = BarRecurrence.Recurring(sheet);
            (recurring, soundingBars) = (recurring + r, soundingBars + b);
            var (m, rh, rb) = BarRecurrence.Restated(sheet);
            (restatedMelody, restatedRhythm, restatedBars) = (restatedMelody + m, restatedRhythm + rh, restatedBars + rb);

            var ending = SheetEnding.Of(sheet, measured.Key);
            lastChord += ending.LastChordTonic ? 1 : 0;
            lastNote += ending.LastNoteTonic ? 1 : 0;
            cadence += ending.DominantToTonic ? 1 : 0;
            longFinal += ending.LongFinalNote ? 1 : 0;
            keyMatches += KeyFinder.Estimate(sheet).Is(measured.Key) ? 1 : 0;

            var harmony = HarmonicRhythm.Of(sheet);
            changes += harmony.Changes;
            bars += harmony.Bars;
            spans += harmony.Spans;
            shortSpans += harmony.ShortSpans;
            mostInBar = Math.Max(mostInBar, harmony.MostChordsInBar);
            longestRuns += harmony.LongestOneChordRun;
            eightBarRuns += harmony.LongestOneChordRun >= PhrasePlan.PhraseLength ? 1 : 0;

            var palette = ChordPalette.Of(sheet, measured.Key);
            foreach (var (kind, count) in palette.Qualities.Counts)
            {
                qualities.Add(kind, count);
            }

            (outOfKey, paletteSpans) = (outOfKey + palette.OutOfKey, paletteSpans + palette.Spans);
            openings += palette.OpensOnTonic ? 1 : 0;

            var meter = sheet.TimeSignature.ToString();
            if (!durations.TryGetValue(meter, out var distribution))
            {
                durations[meter] = distribution = new Distribution<Duration>();
            }

            var isSixEight = sheet.TimeSignature == SixEight;
            var middle = new Duration(sheet.TimeSignature.BarLength.Numerator, sheet.TimeSignature.BarLength.Denominator * 2);
            foreach (var note in line)
            {
                distribution.Add(note.Length);
                if (note.Bar < measured.Densities.Count)
                {
                    var bin = BinKey(meter, measured.Densities[note.Bar]);
                    if (!durationsByBin.TryGetValue(bin, out var ofBin))
                    {
                        durationsByBin[bin] = ofBin = new Distribution<Duration>();
                    }

                    ofBin.Add(note.Length);
                }

                sounding++;
                sixteenths += note.Length <= Sixteenth ? 1 : 0;
                if (isSixEight && !note.IsRest)
                {
                    notes68++;
                    crossing68 += note.Onset < middle && note.Onset + note.Length > middle ? 1 : 0;
                }
            }

            var onsets = MelodyLine.OnsetsPerBar(sheet);
            var phraseEnds = PhraseEnds(sheet.Measures.Count);
            for (var bar = 0; bar < onsets.Length; bar++)
            {
                if (phraseEnds.Contains(bar))
                {
                    (endNotes, endBars) = (endNotes + onsets[bar], endBars + 1);
                }
                else
                {
                    (otherNotes, otherBars) = (otherNotes + onsets[bar], otherBars + 1);
                }

                if (sheet.TimeSignature == TimeSignature.Common && bar < measured.Densities.Count && measured.Densities[bar] == Density.High)
                {
                    var events = sheet.Measures[bar].Events;
                    highBars++;
                    highNotes += onsets[bar];
                    highEvents += events.Count;
                    highSixteenths += events.Count(e => e.Duration <= Sixteenth);
                }
            }
        }

        var intervalDistribution = new Distribution<IntervalClass>();
        foreach (var c in Enum.GetValues<IntervalClass>())
        {
            intervalDistribution.Add(c, intervals[(int)c]);
        }

        var copyLengths = copies is null ? null : sheets.Select(s => copies.LongestCopy(s.Home)).ToList();
        return new FigureSet(
            sheets.Count,
            intervalDistribution,
            ranges.Count == 0 ? 0 : ranges.Average(),
            Share(recurring, soundingBars),
            restatedBars == 0 ? null : Share(restatedMelody, restatedBars),
            restatedBars == 0 ? null : Share(restatedRhythm, restatedBars),
            Share(lastChord, sheets.Count),
            Share(lastNote, sheets.Count),
            Share(cadence, sheets.Count),
            Share(longFinal, sheets.Count),
            Share(changes, bars),
            longestRuns / sheets.Count,
            Share(eightBarRuns, sheets.Count),
            Share(shortSpans, spans),
            mostInBar,
            qualities,
            paletteSpans == 0 ? 0 : outOfKey / paletteSpans,
            openings / sheets.Count,
            durations,
            Share(sixteenths, sounding),
            notes68 == 0 ? null : Share(crossing68, notes68),
            endBars == 0 || otherBars == 0 || otherNotes == 0 ? null : (endNotes / (double)endBars) / (otherNotes / (double)otherBars),
            highBars == 0 ? null : highNotes / (double)highBars,
            highEvents == 0 ? null : Share(highSixteenths, highEvents),
            Share(keyMatches, sheets.Count),
            copyLengths?.Average(),
            copyLengths?.Max(),
            Diversity(sheets))
        {
            DurationsByMeterAndDensity = durationsByBin,
        };
    }

    /// <summary>Note and rest lengths by meter and the density bin of the bar they start in (<see cref="BinKey"/>).</summary>
    public IReadOnlyDictionary<string, Distribution<Duration>> DurationsByMeterAndDensity { get; init; } = new Dictionary<string, Distribution<Duration>>();

    public static string BinKey(string meter, Density density) => $"{meter} {DensityNames.Name(density)}";

    /// <summary>
    /// The duration histogram's distance to <paramref name="human"/> bars of the same meter and density bin, averaged
    /// over the bins by this set's notes in each: the grid asks every density alike, the songs' bars are mostly "low"
    /// in 3/4 and 2/4, so a per-meter distance also counts following the request as a fault.
    /// </summary>
    public double? DurationDistanceWithinBins(FigureSet human, string meter)
    {
        double weighted = 0, notes = 0;
        foreach (var density in Enum.GetValues<Density>())
        {
            var key = BinKey(meter, density);
            if (DurationsByMeterAndDensity.TryGetValue(key, out var mine) && human.DurationsByMeterAndDensity.TryGetValue(key, out var theirs)
                && mine.TotalVariation(theirs) is { } distance)
            {
                weighted += distance * mine.Total;
                notes += mine.Total;
            }
        }

        return notes == 0 ? null : weighted / notes;
    }

    public double? SixteenthShareIn(string meter) =>
        DurationsByMeter.TryGetValue(meter, out var d) && d.Total > 0 ? d.Counts.Where(p => p.Key <= Sixteenth).Sum(p => p.Value) / d.Total : null;

    /// <summary>The last bar of every phrase, as the planner divides the sheet.</summary>
    private static HashSet<int> PhraseEnds(int bars)
    {
        var ends = new HashSet<int>();
        var end = -1;
        foreach (var length in PhrasePlan.PhraseLengths(bars))
        {
            end += length;
            ends.Add(end);
        }

        return ends;
    }

    /// <summary>Between sheets of one request, the mean share of bar positions whose melodies differ.</summary>
    private static double? Diversity(IReadOnlyList<MeasuredSheet> sheets)
    {
        var pairs = new List<double>();
        foreach (var group in sheets.Where(s => s.Request is not null).GroupBy(s => s.Request, StringComparer.Ordinal))
        {
            var members = group.ToList();
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    pairs.Add(DifferentBars(members[i].Sheet, members[j].Sheet));
                }
            }
        }

        return pairs.Count == 0 ? null : pairs.Average();
    }

    public static double DifferentBars(LeadSheet a, LeadSheet b)
    {
        var bars = Math.Max(a.Measures.Count, b.Measures.Count);
        if (bars == 0)
        {
            return 0;
        }

        var same = Enumerable.Range(0, Math.Min(a.Measures.Count, b.Measures.Count))
            .Count(i => BarRecurrence.Melody(a.Measures[i]) == BarRecurrence.Melody(b.Measures[i]));
        return (bars - same) / (double)bars;
    }

    private static double Share(long part, long whole) => whole == 0 ? 0 : part / (double)whole;
}

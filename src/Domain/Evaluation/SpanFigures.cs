using SithSynth.Domain.Music;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// What a musician hears in regenerated spans, pooled over them: the melody's intervals inside the span and at its two
/// joins with the kept bars (a new span that leaps into or out of its neighbours does not join them), the durations
/// and harmonic rhythm of the span's own bars.
/// </summary>
public sealed record SpanFigures(
    int Spans,
    double KeptIntact,
    double Changed,
    Distribution<IntervalClass> Intervals,
    double JoinLeaps,
    IReadOnlyDictionary<string, Distribution<Duration>> DurationsByMeter,
    double SixteenthShare,
    double ChordChangesPerBar)
{
    public static SpanFigures Of(IReadOnlyList<RewrittenSpan> spans)
    {
        if (spans.Count == 0)
        {
            throw new ArgumentException("Measuring regenerated spans needs at least one.", nameof(spans));
        }

        var intervals = new Distribution<IntervalClass>();
        var durations = new Dictionary<string, Distribution<Duration>>(StringComparer.Ordinal);
        long joins = 0, joinLeaps = 0, events = 0, sixteenths = 0, changes = 0, bars = 0;
        foreach (var rewritten in spans)
        {
            var (sheet, span) = (rewritten.Rewritten, rewritten.Span);
            var line = MelodyLine.Of(sheet);
            var sounding = line.Where(n => !n.IsRest).ToList();
            for (var i = 1; i < sounding.Count; i++)
            {
                // Bars are 0-based in the melody line, 1-based in the span.
                var (from, to) = (span.Contains(sounding[i - 1].Bar + 1), span.Contains(sounding[i].Bar + 1));
                if (!from && !to)
                {
                    continue;
                }

                var interval = IntervalClasses.Of(sounding[i].Pitch!.Value - sounding[i - 1].Pitch!.Value);
                intervals.Add(interval);
                if (from != to)
                {
                    joins++;
                    joinLeaps += interval == IntervalClass.Larger ? 1 : 0;
                }
            }

            var meter = sheet.TimeSignature.ToString();
            if (!durations.TryGetValue(meter, out var distribution))
            {
                durations[meter] = distribution = new Distribution<Duration>();
            }

            foreach (var note in line.Where(n => span.Contains(n.Bar + 1)))
            {
                distribution.Add(note.Length);
                events++;
                sixteenths += note.Length <= FigureSet.Sixteenth ? 1 : 0;
            }

            // The span's harmony with the bar before it, so a change into the span counts as the span's.
            var first = Math.Max(0, span.First - 2);
            var harmony = HarmonicRhythm.Of(sheet with { Measures = [.. sheet.Measures.Skip(first).Take(span.Last - first)] });
            changes += harmony.Changes;
            bars += span.Count;
        }

        return new SpanFigures(
            spans.Count,
            spans.Count(s => s.KeptIntact) / (double)spans.Count,
            spans.Count(s => s.Changed) / (double)spans.Count,
            intervals,
            joins == 0 ? 0 : joinLeaps / (double)joins,
            durations,
            events == 0 ? 0 : sixteenths / (double)events,
            bars == 0 ? 0 : changes / (double)bars);
    }

    public double IntervalShare(IntervalClass c) => Intervals.Share(c);

    /// <summary>The largest duration distance to the human bars of the same meter, over the meters both have.</summary>
    public double? WorstDurationDistance(FigureSet human) =>
        DurationsByMeter.Where(d => human.DurationsByMeter.ContainsKey(d.Key)).Select(d => (double?)d.Value.TotalVariation(human.DurationsByMeter[d.Key])).Max();
}

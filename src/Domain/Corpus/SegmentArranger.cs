using SithSynth.Domain.Decoding;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Corpus;

/// <summary>
/// Writes a score segment the way the models read music: in C major or A minor, inside the vocabulary's pitch range,
/// one event per chord and note, each a vocabulary duration, no event across a barline. A note cut at a barline, a
/// chord change or into several durations goes on as tied events (<see cref="MelodyEvent.Tied"/>), not repeats.
/// </summary>
public static class SegmentArranger
{


    /// <summary>The arrangement, or null with the reason when the whole segment cannot be used.</summary>
    public static HomeKeyArrangement? Arrange(ScoreSegment segment, CorpusTally tally, out string? problem)
    {
        problem = null;
        if (!TrainingVocabulary.TimeSignatures.Contains(segment.TimeSignature))
        {
            problem = $"meter {segment.TimeSignature} is not in the vocabulary";
            return null;
        }

        if (segment.Notes.Count == 0)
        {
            problem = "no melody notes";
            return null;
        }

        // Transposing home by the key's own offset takes the nearest way (at most a tritone); octaves then place the tune.
        var shift = -segment.Key.TranspositionFromHome;
        var lowest = segment.Notes.Min(n => n.Pitch) + shift;
        var highest = segment.Notes.Max(n => n.Pitch) + shift;
        if (OctaveShift(lowest, highest) is not { } octaves)
        {
            problem = $"melody wider than {TrainingVocabulary.HighestPitch - TrainingVocabulary.LowestPitch} semitones";
            return null;
        }

        shift += octaves;
        var home = segment.Key.Home;
        tally.BassesDropped += segment.Chords.Count(c => c.Chord.Bass is not null);
        var moved = segment with { Chords = segment.Chords.Select(c => c with { Chord = Home(c.Chord, shift) }).ToList() };
        var bars = new List<Measure?>();
        var spans = Spans(segment, shift);
        var barLength = segment.TimeSignature.BarLength;
        for (var bar = 0; bar < segment.Bars; bar++)
        {
            bars.Add(WriteBar(moved, spans, barLength * bar, barLength, tally));
        }

        var runs = new List<IReadOnlyList<Measure>>();
        var run = new List<Measure>();
        foreach (var measure in bars.Append(null))
        {
            if (measure is not null)
            {
                run.Add(measure);
            }
            else if (run.Count > 0)
            {
                runs.Add(run);
                run = [];
            }
        }

        if (home.Mode == KeyMode.Minor)
        {
            tally.SegmentsMinor++;
        }
        else
        {
            tally.SegmentsMajor++;
        }

        return new HomeKeyArrangement(segment.TimeSignature, segment.Key, home, shift, runs, bars.Count > 0 && bars[^1] is not null)
        {
            DroppedBars = [.. bars.Select((m, i) => (m, i)).Where(b => b.m is null).Select(b => b.i)],
        };
    }

    /// <summary>The octave move (in semitones, nearest zero) that puts the melody inside the vocabulary's range.</summary>
    public static int? OctaveShift(int lowest, int highest)
    {
        for (var step = 0; step <= 10; step++)
        {
            foreach (var octaves in step == 0 ? [0] : new[] { -step, step })
            {
                if (lowest + (12 * octaves) >= TrainingVocabulary.LowestPitch && highest + (12 * octaves) <= TrainingVocabulary.HighestPitch)
                {
                    return 12 * octaves;
                }
            }
        }

        return null;
    }

    /// <summary>The segment as back-to-back notes and rests (null pitch), already transposed.</summary>
    private static List<(Duration Start, Duration End, int? Pitch)> Spans(ScoreSegment segment, int shift)
    {
        var spans = new List<(Duration, Duration, int?)>();
        var time = Duration.Zero;
        foreach (var note in segment.Notes.OrderBy(n => n.Onset))
        {
            if (note.Onset > time)
            {
                spans.Add((time, note.Onset, null));
            }

            spans.Add((note.Onset, note.End, note.Pitch + shift));
            time = note.End;
        }

        if (segment.Length > time)
        {
            spans.Add((time, segment.Length, null));
        }

        return spans;
    }

    /// <summary>One bar's events, or null when some length in it has no spelling in vocabulary durations.</summary>
    private static Measure? WriteBar(
        ScoreSegment segment,
        List<(Duration Start, Duration End, int? Pitch)> spans,
        Duration barStart,
        Duration barLength,
        CorpusTally tally)
    {
        var barEnd = barStart + barLength;
        var changes = segment.Chords.Select(c => c.Onset).Where(o => o > barStart && o < barEnd).ToList();
        var pieces = new List<(ChordSymbol Chord, int? Pitch, Duration Length, bool Tied)>();
        foreach (var (start, end, pitch) in spans.Where(s => s.Start < barEnd && s.End > barStart))
        {
            var from = start < barStart ? barStart : start;
            var to = end > barEnd ? barEnd : end;
            // Counted once, in the bar where the note begins.
            if (pitch is not null && start >= barStart && end > barEnd)
            {
                tally.NotesSplitAtBarline++;
            }

            var cuts = changes.Where(c => c > from && c < to).ToList();
            if (pitch is not null && cuts.Count > 0)
            {
                tally.NotesSplitAtChordChange++;
            }

            foreach (var (pieceStart, pieceEnd) in Between(from, to, cuts))
            {
                var chord = segment.ChordAt(pieceStart);
                if (pitch is null && pieces.Count > 0 && pieces[^1].Pitch is null && pieces[^1].Chord == chord)
                {
                    pieces[^1] = pieces[^1] with { Length = pieces[^1].Length + (pieceEnd - pieceStart) };
                }
                else
                {
                    // Every piece of a note but its first continues it: from the bar before or the chord before.
                    pieces.Add((chord, pitch, pieceEnd - pieceStart, pitch is not null && pieceStart > start));
                }
            }
        }

        var events = new List<MelodyEvent>();
        foreach (var (chord, pitch, length, tied) in pieces)
        {
            var parts = DurationFill.Training.Spell(length);
            if (parts.Count == 0)
            {
                CorpusTally.Count(tally.BarsDropped, $"a {(pitch is null ? "rest" : "note")} no vocabulary durations add up to");
                return null;
            }

            if (parts.Count > 1 && pitch is not null)
            {
                tally.NotesSplitIntoDurations++;
            }

            events.AddRange(parts.Select((part, i) => new MelodyEvent(chord, pitch, part) { Tied = pitch is not null && (tied || i > 0) }));
            tally.TiedEvents += events.Skip(events.Count - parts.Count).Count(e => e.Tied);
        }

        return new Measure(events);
    }

    private static IEnumerable<(Duration Start, Duration End)> Between(Duration from, Duration to, List<Duration> cuts)
    {
        var start = from;
        foreach (var cut in cuts)
        {
            yield return (start, cut);
            start = cut;
        }

        yield return (start, to);
    }

    /// <summary>The chord moved home; a slash chord loses its bass, which the vocabulary does not write.</summary>
    private static ChordSymbol Home(ChordSymbol chord, int shift)
    {
        var moved = chord.Transpose(shift);
        return moved.Bass is null ? moved : moved with { Bass = null };
    }
}

using System.Globalization;
using System.Text.Json;
using SithSynth.Domain.Analysis;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Corpus;

/// <summary>
/// The summary of a corpus build: what was read and left out and why, every lossy step counted, and how the
/// sequences fall per split, meter, valence and density.
/// </summary>
public static class CorpusSummary
{
    public static void Write(Utf8JsonWriter writer, TrainingCorpus corpus)
    {
        var tally = corpus.Tally;
        var all = Enum.GetValues<CorpusSplit>().SelectMany(corpus.Sequences).ToList();
        var meters = TrainingVocabulary.TimeSignatures;
        writer.WriteStartObject();
        writer.WriteNumber("seed", corpus.Seed);

        writer.WriteStartObject("pieces");
        writer.WriteNumber("found", tally.PiecesFound);
        writer.WriteNumber("used", tally.PiecesUsed);
        writer.WriteNumber("skipped", tally.PiecesSkipped.Values.Sum());
        Counts(writer, "skippedBecause", tally.PiecesSkipped);
        writer.WriteEndObject();

        writer.WriteStartObject("reading");
        writer.WriteString("repeats", "not expanded: each piece is read once, as printed");
        writer.WriteNumber("pickupsDropped", tally.PickupsDropped);
        writer.WriteNumber("barsOfWrongLengthEndingASegment", tally.BrokenBars);
        writer.WriteNumber("tiesMerged", tally.TiesMerged);
        Counts(writer, "unknownChordKindsReadAsNoChord", tally.UnknownChordKinds);
        writer.WriteNumber("slashChordBassesDropped", tally.BassesDropped);
        writer.WriteNumber("segmentsInMajor", tally.SegmentsMajor);
        writer.WriteNumber("segmentsInMinor", tally.SegmentsMinor);
        Counts(writer, "segmentsSkippedBecause", tally.SegmentsSkipped);
        Counts(writer, "barsDroppedBecause", tally.BarsDropped);
        writer.WriteEndObject();

        writer.WriteStartObject("notesSplit");
        writer.WriteNumber("atBarline", tally.NotesSplitAtBarline);
        writer.WriteNumber("atChordChange", tally.NotesSplitAtChordChange);
        writer.WriteNumber("intoSeveralDurations", tally.NotesSplitIntoDurations);
        writer.WriteNumber("tiedEvents", tally.TiedEvents);
        writer.WriteString("note", "every piece of a split note but its first is a tied event (the tie token), not a repeated note");
        writer.WriteEndObject();

        writer.WriteStartObject("windows");
        writer.WriteString("rule", $"from every 8th bar of a run, the most whole 8-bar phrases left, at most {PhraseWindows.LongestPhrases}");
        var byLength = all.GroupBy(s => s.Bars.Count).OrderBy(g => g.Key);
        foreach (var group in byLength)
        {
            writer.WriteNumber(group.Key.ToString(CultureInfo.InvariantCulture), group.Count());
        }

        writer.WriteEndObject();

        WriteEndings(writer, all);
        writer.WriteStartObject("sequencesPerMode");
        foreach (var mode in Enum.GetValues<KeyMode>())
        {
            writer.WriteNumber(ConditionVocabulary.ModeName(mode), all.Count(s => s.Conditions[0].Mode == mode));
        }

        writer.WriteEndObject();

        writer.WriteStartObject("sequencesPerMeter");
        foreach (var meter in meters)
        {
            writer.WriteStartObject(meter.ToString());
            writer.WriteNumber("beforeDerivation", corpus.SequencesBeforeDerivation.GetValueOrDefault(meter));
            writer.WriteNumber("after", all.Count(s => s.TimeSignature == meter));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();

        writer.WriteStartObject("derivations");
        writer.WriteString("rule", $"a meter with fewer than {CorpusBuilder.ThinShare * 100:0}% of the largest meter's sequences is topped up to that share with re-barred pieces, in seeded piece order; a re-barred bar is kept only when no note crosses its barline");
        writer.WriteStartArray("applied");
        foreach (var outcome in corpus.Derivations)
        {
            writer.WriteStartObject();
            writer.WriteString("how", outcome.Derivation.Description);
            writer.WriteNumber("pieces", outcome.Pieces);
            writer.WriteNumber("sequences", outcome.Sequences);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        writer.WriteStartObject("splits");
        foreach (var split in Enum.GetValues<CorpusSplit>())
        {
            var sequences = corpus.Sequences(split).ToList();
            writer.WriteStartObject(CorpusWriter.SplitFile(split).Replace(".jsonl", "", StringComparison.Ordinal));
            writer.WriteNumber("pieces", corpus.Pieces.Count(p => p.Split == split));
            writer.WriteNumber("sequences", sequences.Count);
            writer.WriteNumber("tokens", sequences.Sum(s => (long)s.Tokens.Tokens.Count));
            writer.WriteStartObject("perMeter");
            foreach (var meter in meters)
            {
                writer.WriteStartObject(meter.ToString());
                writer.WriteNumber("original", sequences.Count(s => s.TimeSignature == meter && !s.Derived));
                writer.WriteNumber("derived", sequences.Count(s => s.TimeSignature == meter && s.Derived));
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();

        var bars = all.SelectMany(s => s.Conditions).ToList();
        writer.WriteStartObject("barsPerValence");
        foreach (var valence in TrainingVocabulary.Conditions().Valences)
        {
            writer.WriteNumber(valence.ToString(CultureInfo.InvariantCulture), bars.Count(b => b.Valence == valence));
        }

        writer.WriteEndObject();
        writer.WriteStartObject("barsPerDensity");
        foreach (var density in Enum.GetValues<Density>())
        {
            writer.WriteNumber(DensityNames.Name(density), bars.Count(b => b.Density == density));
        }

        writer.WriteEndObject();

        writer.WriteNumber("tokens", all.Sum(s => (long)s.Tokens.Tokens.Count));
        writer.WriteNumber("vocabularySize", TrainingVocabulary.Tokens().Count);
        var lists = TrainingVocabulary.Conditions();
        writer.WriteStartObject("conditionSizes");
        writer.WriteNumber("timeSignatures", lists.TimeSignatures.Count);
        writer.WriteNumber("phrasePositions", lists.PhrasePositions.Count);
        writer.WriteNumber("valences", lists.Valences.Count);
        writer.WriteNumber("densities", lists.Densities.Count);
        writer.WriteNumber("modes", lists.Modes?.Count ?? 0);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>How many windows end where their piece ends, and how many of those end on the home tonic chord.</summary>
    private static void WriteEndings(Utf8JsonWriter writer, List<CorpusSequence> all)
    {
        var ending = all.Where(s => s.EndsPiece).ToList();
        var onTonic = ending.Count(EndsOnTonic);
        writer.WriteStartObject("endings");
        writer.WriteString("rule", "windows that end where their piece ends carry final1/final2 on their last two bars; others keep end1/end2");
        writer.WriteNumber("windows", all.Count);
        writer.WriteNumber("windowsEndingThePiece", ending.Count);
        writer.WriteNumber("shareEndingThePiece", all.Count == 0 ? 0 : Math.Round(ending.Count / (double)all.Count, 4));
        writer.WriteNumber("endingOnTheTonicChord", onTonic);
        writer.WriteNumber("shareEndingOnTheTonicChord", ending.Count == 0 ? 0 : Math.Round(onTonic / (double)ending.Count, 4));
        writer.WriteNumber("otherWindowsEndingOnTheTonicChord", all.Count - ending.Count == 0 ? 0 : Math.Round(all.Where(s => !s.EndsPiece).Count(EndsOnTonic) / (double)(all.Count - ending.Count), 4));
        writer.WriteEndObject();
    }

    /// <summary>The window's last chord (N.C. aside) is the home tonic of its mode: C or Cmaj7, Am, Am7 or Am9.</summary>
    public static bool EndsOnTonic(CorpusSequence sequence)
    {
        var last = sequence.Bars.SelectMany(b => b.Events).LastOrDefault(e => !e.Chord.IsNoChord)?.Chord;
        var minor = sequence.Conditions.Count > 0 && sequence.Conditions[0].Mode == KeyMode.Minor;
        return last is not null && last.Root == (minor ? 9 : 0)
            && (minor ? last.Kind is ChordKind.Minor or ChordKind.Minor7 or ChordKind.Minor9 : last.Kind is ChordKind.Major or ChordKind.Major7);
    }

    private static void Counts(Utf8JsonWriter writer, string name, SortedDictionary<string, int> counts)
    {
        writer.WriteStartObject(name);
        foreach (var (reason, count) in counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            writer.WriteNumber(reason, count);
        }

        writer.WriteEndObject();
    }
}

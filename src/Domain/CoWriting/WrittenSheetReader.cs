using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using SithSynth.Domain.Corpus;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.CoWriting;

/// <summary>
/// Reads a lead sheet a person brings (a primer to continue, or a sheet to rewrite bars of) with the corpus reader, and
/// moves it home as the corpus does. It refuses what the model cannot write — a pickup bar, a meter or key change, a
/// bar of the wrong length, a chord kind, duration or pitch outside the model's tokens — saying what and in which bar.
/// </summary>
public static class WrittenSheetReader
{
    /// <summary>The sheet, or null with the problems (each one sentence) when the model cannot take it as written.</summary>
    public static WrittenSheet? Read(string musicXml, TokenVocabulary tokens, IReadOnlyCollection<TimeSignature> meters, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        problems = found;
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(musicXml), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            found.Add($"is not well-formed XML (line {e.LineNumber}, position {e.LinePosition}).");
            return null;
        }

        var reading = MusicXmlScoreReader.Read(document);
        if (reading.Score is not { } score)
        {
            found.Add($"cannot be read as a lead sheet: {reading.Problem}.");
            return null;
        }

        if (score.PickupDropped)
        {
            found.Add("opens with a pickup (an incomplete first bar); the model writes whole bars only.");
        }

        if (score.UnknownChordKinds.Count > 0)
        {
            found.Add($"has chord kinds the model does not write: {string.Join(", ", score.UnknownChordKinds)}.");
        }

        if (score.Segments.Count != 1 || score.BrokenBars > 0)
        {
            found.Add(score.Segments.Count == 0
                ? "has no whole bars."
                : "changes meter or key, or has a bar shorter or longer than its meter; the model writes one meter and key throughout.");
        }

        if (found.Count > 0)
        {
            return null;
        }

        var segment = score.Segments[0];
        if (!meters.Contains(segment.TimeSignature))
        {
            found.Add($"is in {segment.TimeSignature}; the model writes in {string.Join(", ", meters)}.");
            return null;
        }

        var arrangement = SegmentArranger.Arrange(segment, new CorpusTally(), out var problem);
        if (arrangement is null)
        {
            found.Add($"cannot be moved into the model's range: {problem}.");
            return null;
        }

        foreach (var bar in arrangement.DroppedBars)
        {
            found.Add($"bar {bar + 1} holds a length no durations of the model add up to (a tuplet the model does not write).");
        }

        if (found.Count > 0)
        {
            return null;
        }

        var measures = arrangement.Runs[0];
        for (var bar = 0; bar < measures.Count; bar++)
        {
            foreach (var (e, onset) in measures[bar].EventsWithOnsets())
            {
                var where = $"bar {bar + 1}, beat {Beat(onset, segment.TimeSignature)}";
                if (!tokens.TryIdOf(DecoderToken.ForChord(e.Chord), out _))
                {
                    found.Add($"{where}: the chord {e.Chord.Transpose(-arrangement.Shift)} is not one the model writes.");
                }

                if (!tokens.TryIdOf(DecoderToken.ForNote(e.Pitch), out _) && !(e.Tied && tokens.Tie is not null))
                {
                    found.Add($"{where}: the note is outside the model's range.");
                }

                if (!tokens.TryIdOf(DecoderToken.ForDuration(e.Duration), out _))
                {
                    found.Add($"{where}: a length of {e.Duration} quarters is not one the model writes.");
                }
            }
        }

        var octaves = arrangement.Shift + segment.Key.TranspositionFromHome;
        return found.Count > 0 ? null : new WrittenSheet(segment.TimeSignature, segment.Key, measures, octaves);
    }

    private static string Beat(Duration onset, TimeSignature meter)
    {
        var beats = onset.TotalQuarters / meter.PulseLength.TotalQuarters;
        return (beats + 1).ToString("0.##", CultureInfo.InvariantCulture);
    }
}

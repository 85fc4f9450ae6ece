using System.Text.Json;
using SithSynth.Domain.Analysis;
using SithSynth.Domain.Music;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// The held-out pieces' endings from the corpus's <c>test-pieces.json</c>: the last bars (up to a sheet's length)
/// of each piece's last run, in the home key the piece is written in there, for the ending and key figures.
/// </summary>
public static class PieceEndings
{
    public const string File = "test-pieces.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The endings, or none when the file is absent.</summary>
    public static IReadOnlyList<MeasuredSheet> Load(string directory, int bars, int tempo)
    {
        var path = Path.Combine(directory, File);
        if (!System.IO.File.Exists(path))
        {
            return [];
        }

        List<RunDocument> runs;
        try
        {
            runs = JsonSerializer.Deserialize<List<RunDocument>>(System.IO.File.ReadAllText(path), Json) ?? [];
        }
        catch (JsonException e)
        {
            throw new FormatException($"{File} is not valid JSON ({e.Message})", e);
        }

        // A piece whose bars could not all be written falls into several runs; its ending is the last one's end.
        return [.. runs
            .Where(r => r.Bars is { Count: > 0 })
            .GroupBy(r => r.Piece ?? "", StringComparer.Ordinal)
            .Select(g => Ending(g.Last(), bars, tempo))];
    }

    private static MeasuredSheet Ending(RunDocument run, int bars, int tempo)
    {
        var where = $"{File}: piece '{run.Piece}'";
        if (!TimeSignature.TryParse(run.TimeSignature, out var meter) || !Key.TryParse(run.Key, out var key))
        {
            throw new FormatException($"{where} has no readable time signature or key");
        }

        var measures = run.Bars!.Skip(Math.Max(0, run.Bars!.Count - bars)).Select(bar => new Measure([.. bar.Select(e => Event(e, where))])).ToList();
        var sheet = new LeadSheet(meter, key, tempo, measures);
        return new MeasuredSheet(sheet, key, [.. measures.Select(m => LeadSheetAnalyzer.AnalyzeBar(m).Density)]);
    }

    private static MelodyEvent Event(EventDocument e, string where) =>
        ChordSymbol.TryParse(e.Chord, out var chord) && Duration.TryParse(e.Duration, out var duration)
            ? new MelodyEvent(chord, e.Pitch, duration) { Tied = e.Tied ?? false }
            : throw new FormatException($"{where} has an event with chord '{e.Chord}' and duration '{e.Duration}'");

    private sealed record RunDocument(string? Piece, string? TimeSignature, string? Key, IReadOnlyList<IReadOnlyList<EventDocument>>? Bars);

    private sealed record EventDocument(string? Chord, int? Pitch, string? Duration, bool? Tied);
}

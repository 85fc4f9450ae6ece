using System.Text.Json;
using SithSynth.Domain.Music;

namespace SithSynth.Pipeline.Orchestration;

/// <summary>
/// A decoded lead sheet as JSON (a few kilobytes), stored by inference and read by the MIDI and MusicXML render
/// activities, with the title both renderings carry. Chords, durations, keys and meters travel in their written forms
/// ("Ebm7", "3/2", "F#m", "6/8"), which parse back to the same values.
/// </summary>
public sealed record ScoreDocument(string Title, string TimeSignature, string Key, int Tempo, IReadOnlyList<IReadOnlyList<ScoreEvent>> Measures)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ScoreDocument From(LeadSheet sheet, string title)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return new ScoreDocument(
            title,
            sheet.TimeSignature.ToString(),
            sheet.Key.ToString(),
            sheet.Tempo,
            [.. sheet.Measures.Select(m => (IReadOnlyList<ScoreEvent>)[.. m.Events.Select(e => new ScoreEvent(e.Chord.ToString(), e.Pitch, e.Duration.ToString(), e.Tied))])]);
    }

    /// <summary>Reads a stored score; a document that does not describe a complete sheet is <see cref="InvalidDataException"/>.</summary>
    public static ScoreDocument Read(byte[] utf8)
    {
        try
        {
            return JsonSerializer.Deserialize<ScoreDocument>(utf8, Json) ?? throw new InvalidDataException("The score document is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("The score document is not valid JSON: " + e.Message, e);
        }
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public LeadSheet ToSheet()
    {
        try
        {
            var sheet = new LeadSheet(
                Domain.Music.TimeSignature.Parse(TimeSignature),
                Domain.Music.Key.Parse(Key),
                Tempo,
                [.. Measures.Select(m => new Measure([.. m.Select(e => new MelodyEvent(ChordSymbol.Parse(e.Chord), e.Pitch, Duration.Parse(e.Duration)) { Tied = e.Tied && e.Pitch is not null })]))]);
            return sheet.IsComplete ? sheet : throw new InvalidDataException("The score document has a bar that is not exactly full.");
        }
        catch (FormatException e)
        {
            throw new InvalidDataException("The score document holds a value that does not parse: " + e.Message, e);
        }
    }
}

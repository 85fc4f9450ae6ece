using SithSynth.Domain.Music;

namespace SithSynth.Domain.Vocabulary;

/// <summary>One decoder token: its id, its text in the model card, and what it means.</summary>
public sealed record DecoderToken(int Id, string Text, TokenKind Kind)
{
    public ChordSymbol? Chord { get; init; }

    /// <summary>The MIDI pitch of a note token; null for <c>note:rest</c> and for other kinds.</summary>
    public int? Pitch { get; init; }

    public Duration Duration { get; init; }

    public const string ChordPrefix = "chord:";
    public const string NotePrefix = "note:";
    public const string DurationPrefix = "dur:";
    public const string RestText = "note:rest";

    /// <summary>In a note slot: continue the previous melody note's pitch, tied to it (format-2 cards).</summary>
    public const string TieText = "tie";

    public static string ForChord(ChordSymbol chord) => ChordPrefix + chord;

    public static string ForNote(int? pitch) => pitch is { } p ? NotePrefix + p.ToString(System.Globalization.CultureInfo.InvariantCulture) : RestText;

    public static string ForDuration(Duration duration) => DurationPrefix + duration;

    /// <summary>Reads a token text as written in a model card; null when the text means nothing.</summary>
    public static DecoderToken? Parse(int id, string text)
    {
        switch (text)
        {
            case "pad":
                return new DecoderToken(id, text, TokenKind.Pad);
            case "sos":
                return new DecoderToken(id, text, TokenKind.Sos);
            case "eos":
                return new DecoderToken(id, text, TokenKind.Eos);
            case "bar":
                return new DecoderToken(id, text, TokenKind.Bar);
            case RestText:
                return new DecoderToken(id, text, TokenKind.Note);
            case TieText:
                return new DecoderToken(id, text, TokenKind.Tie);
        }

        if (text.StartsWith(ChordPrefix, StringComparison.Ordinal) && ChordSymbol.TryParse(text[ChordPrefix.Length..], out var chord))
        {
            return new DecoderToken(id, text, TokenKind.Chord) { Chord = chord };
        }

        if (text.StartsWith(NotePrefix, StringComparison.Ordinal)
            && int.TryParse(text[NotePrefix.Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pitch)
            && pitch is >= 0 and <= 127)
        {
            return new DecoderToken(id, text, TokenKind.Note) { Pitch = pitch };
        }

        if (text.StartsWith(DurationPrefix, StringComparison.Ordinal) && Duration.TryParse(text[DurationPrefix.Length..], out var duration) && !duration.IsZero)
        {
            return new DecoderToken(id, text, TokenKind.Duration) { Duration = duration };
        }

        return null;
    }
}

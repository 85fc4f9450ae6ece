namespace SithSynth.Domain.Requests;

/// <summary>
/// What a person asks for, exactly as they sent it (CLI options or JSON). Every field is optional; validation
/// fills defaults, checks everything at once and produces a <see cref="GenerationSpec"/>.
/// </summary>
public sealed record GenerationRequest
{
    /// <summary>Model name from the catalogue (<c>lstm</c>, <c>transformer</c> for the shipped ones).</summary>
    public string? Model { get; init; }

    /// <summary>Sampling temperature, 0.5–1.5.</summary>
    public double? Temperature { get; init; }

    /// <summary>Nucleus sampling: keep the smallest set of tokens whose probability reaches this share (0–1].</summary>
    public double? TopP { get; init; }

    public string? TimeSignature { get; init; }

    public int? Bars { get; init; }

    /// <summary>One average valence (−2..+2), or one whole number (−2..+2) per bar.</summary>
    public IReadOnlyList<double>? Valence { get; init; }

    /// <summary>One density (<c>low|med|high</c>) for all bars, or one per bar.</summary>
    public IReadOnlyList<string>? Density { get; init; }

    /// <summary>Any major or minor key with at most seven sharps or flats: C, Eb, F#m.</summary>
    public string? Key { get; init; }

    /// <summary>
    /// Letters per phrase (AABA, ABAB, A A′ B A) or <c>through</c>; a repeated letter restates its phrase. The default
    /// depends on the length: 16 bars A A′, 32 bars A A B A (see <see cref="Conditioning.SongForm.Default"/>).
    /// </summary>
    public string? Form { get; init; }

    /// <summary>
    /// A chord progression to follow, in the requested key: bars separated by <c>|</c>, one symbol per bar or per beat
    /// group, <c>_</c> for a bar or group left to the model (<c>"C | Am | F G | C"</c>, see
    /// <see cref="Progressions.ChordProgression"/>).
    /// </summary>
    public string? Chords { get; init; }

    /// <summary>
    /// A lead sheet's first bars as MusicXML, kept note for note as the sheet's opening and continued to <see cref="Bars"/>
    /// bars; its meter and key are the sheet's unless given (a key of the same mode moves it).
    /// </summary>
    public string? Primer { get; init; }

    /// <summary>Bars of an earlier sheet to write again, keeping every other bar as it was.</summary>
    public RegenerateRequest? Regenerate { get; init; }

    /// <summary>Beats per minute, 30–300.</summary>
    public int? Tempo { get; init; }

    /// <summary>Fixes every random choice; chosen and reported when absent.</summary>
    public ulong? Seed { get; init; }

    /// <summary>How many different sheets to write for the same parameters, 1–8.</summary>
    public int? Variations { get; init; }

    /// <summary>How the MusicXML is laid out: <c>piano</c> (melody, symbols and a chord staff) or <c>lead-sheet</c> (one staff).</summary>
    public string? Layout { get; init; }
}

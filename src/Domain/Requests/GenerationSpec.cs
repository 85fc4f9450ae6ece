using SithSynth.Domain.Analysis;
using SithSynth.Domain.CoWriting;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Music;
using SithSynth.Domain.Progressions;
using SithSynth.Domain.Rendering;

namespace SithSynth.Domain.Requests;

/// <summary>
/// A validated request with every default filled in and every value parsed. A null <see cref="Form"/> (a spec made
/// in code) is through-composed; the validator always fills it.
/// </summary>
public sealed record GenerationSpec(
    string Model,
    double Temperature,
    double? TopP,
    TimeSignature TimeSignature,
    int Bars,
    double? AverageValence,
    IReadOnlyList<int>? ValencePerBar,
    Density? UniformDensity,
    IReadOnlyList<Density>? DensityPerBar,
    Key Key,
    int Tempo,
    ulong Seed,
    int Variations,
    SongForm? Form = null)
{
    public const string DefaultModel = "transformer";
    public const double DefaultTemperature = 1.0;
    public const string DefaultTimeSignature = "4/4";
    public const int DefaultBars = 16;
    public const int DefaultTempo = 100;
    public const int DefaultVariations = 1;
    public const double DefaultValence = 0;
    public const Density DefaultDensity = Density.Med;

    /// <summary>The chords to follow, in the requested key; null when the model writes its own.</summary>
    public ChordProgression? Chords { get; init; }

    /// <summary>The opening bars to keep and continue; null when the sheet starts from nothing.</summary>
    public WrittenSheet? Primer { get; init; }

    /// <summary>The primer as it was sent (MusicXML), carried so a settled request reads back to the same spec.</summary>
    public string? PrimerText { get; init; }

    /// <summary>The bars of an earlier sheet to write again; null for a new sheet.</summary>
    public Rewrite? Regenerate { get; init; }

    /// <summary>How the MusicXML is laid out; the MIDI file is the same either way.</summary>
    public SheetLayout Layout { get; init; } = SheetLayout.Piano;
}

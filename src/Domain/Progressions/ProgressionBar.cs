using SithSynth.Domain.Music;

namespace SithSynth.Domain.Progressions;

/// <summary>
/// One bar of a progression: its beat groups in order (equal parts of the bar, see <see cref="ChordProgression"/>),
/// each the chord that must sound there or null where the model chooses, and the symbols as they were written.
/// </summary>
public sealed record ProgressionBar(IReadOnlyList<ChordSymbol?> Chords, IReadOnlyList<string> Written)
{
    /// <summary>A bar the progression leaves to the model.</summary>
    public static ProgressionBar Free { get; } = new([null], [ChordProgression.FreeMark]);

    public bool IsFree => Chords.All(c => c is null);

    /// <summary>The bar as written, symbols separated by one space: "F G", "C _".</summary>
    public string Text => string.Join(' ', Written);

    /// <summary>The same chords in the same groups (spelling aside).</summary>
    public bool SameChords(ProgressionBar other) => other is not null && Chords.SequenceEqual(other.Chords);

    public ProgressionBar Transpose(int semitones) => this with { Chords = [.. Chords.Select(c => c?.Transpose(semitones))] };

    /// <summary>The length of each beat group in a bar of <paramref name="meter"/>.</summary>
    public Duration GroupLength(TimeSignature meter) => new(meter.BarLength.Numerator, meter.BarLength.Denominator * Chords.Count);
}

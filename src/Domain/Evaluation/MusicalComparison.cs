namespace SithSynth.Domain.Evaluation;

/// <summary>The generated sheets' musical profile against the held-out pieces'.</summary>
public sealed record MusicalComparison(
    MusicalStatistics Generated,
    MusicalStatistics HeldOut,
    double PitchClassTotalVariation,
    double PitchClassJensenShannon,
    IReadOnlyList<StatisticComparison> Statistics)
{
    public static MusicalComparison Of(MusicalStatistics generated, MusicalStatistics heldOut) => new(
        generated,
        heldOut,
        PitchClassDistance.TotalVariation(generated.PitchClassHistogram, heldOut.PitchClassHistogram),
        PitchClassDistance.JensenShannon(generated.PitchClassHistogram, heldOut.PitchClassHistogram),
        [
            new("chordToneOnStrongBeats", generated.ChordToneOnStrongBeats, heldOut.ChordToneOnStrongBeats),
            new("meanMelodicInterval", generated.MeanMelodicInterval, heldOut.MeanMelodicInterval),
            new("meanPitchRange", generated.MeanPitchRange, heldOut.MeanPitchRange),
            new("restRatio", generated.RestRatio, heldOut.RestRatio),
            new("chordChangesPerBar", generated.ChordChangesPerBar, heldOut.ChordChangesPerBar),
        ]);
}

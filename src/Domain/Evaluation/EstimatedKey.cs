using SithSynth.Domain.Music;

namespace SithSynth.Domain.Evaluation;

/// <summary>A key as a tonic pitch class (0 = C) and a mode, as estimated from the notes.</summary>
public sealed record EstimatedKey(int Tonic, KeyMode Mode)
{
    public bool Is(Key key) => Tonic == key.Tonic.PitchClass && Mode == key.Mode;

    public override string ToString() => PitchClass.Name(Tonic) + (Mode == KeyMode.Minor ? "m" : "");
}

namespace SithSynth.Domain.Analysis;

/// <summary>Note density of a bar: how many melody notes start in it.</summary>
public enum Density
{
    Low,
    Med,
    High,
}

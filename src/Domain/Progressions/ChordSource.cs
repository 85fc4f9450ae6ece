namespace SithSynth.Domain.Progressions;

/// <summary>Who chose a bar's chords: the person's progression, the model, or each for some of its beat groups.</summary>
public enum ChordSource
{
    Model,
    User,
    Both,
}

namespace SithSynth.Domain.Progressions;

/// <summary>
/// One bar of a sheet against the progression it followed: the symbols asked for (<c>_</c> where the model chose), the
/// chords the sheet sounds there in order (spelled in the sheet's key), who chose them, and whether every fixed
/// group sounds its chord from its first beat to its end.
/// </summary>
public sealed record FollowedBar(int Bar, string Requested, string Written, ChordSource Source, bool Followed);

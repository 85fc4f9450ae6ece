namespace SithSynth.Pipeline.Retention;

/// <summary>What one housekeeping pass did: how many generations it dealt with and how many stored files it deleted.</summary>
public sealed record HousekeepingReport(int Generations, int Files);

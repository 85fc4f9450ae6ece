namespace SithSynth.Domain.Models;

/// <summary>A recurrent state the step decoder reads and writes back: LSTM h/c or a key/value cache.</summary>
public sealed record StateTensor(string Input, string Output, IReadOnlyList<long> InitialShape)
{
    /// <summary>A cache that starts empty grows each step; a fixed state keeps its shape and its buffers.</summary>
    public bool Grows => InitialShape.Contains(0);
}

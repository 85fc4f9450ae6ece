namespace SithSynth.Domain.Music;

/// <summary>
/// A melody with chord symbols, bar by bar, in a key, meter and tempo. The tempo counts the meter's felt beat, as a
/// musician counts it: quarters in 4/4, 3/4 and 2/4, halves in 2/2, dotted quarters in 6/8 and 12/8.
/// </summary>
public sealed record LeadSheet(TimeSignature TimeSignature, Key Key, int Tempo, IReadOnlyList<Measure> Measures)
{
    /// <summary>The tempo in quarter notes per minute, the unit MIDI and MusicXML's &lt;sound tempo&gt; play by.</summary>
    public double QuartersPerMinute => Tempo * TimeSignature.PulseLength.TotalQuarters;

    /// <summary>Every bar holds exactly one bar's length of events.</summary>
    public bool IsComplete => Measures.Count > 0 && Measures.All(m => m.Events.Count > 0 && m.Length == TimeSignature.BarLength);

    public IEnumerable<MelodyEvent> Events => Measures.SelectMany(m => m.Events);

    /// <summary>The same music moved by <paramref name="semitones"/> and written in <paramref name="key"/>.</summary>
    public LeadSheet TransposeTo(Key key, int semitones) => this with
    {
        Key = key,
        Measures = Measures
            .Select(m => new Measure(m.Events.Select(e => e with { Chord = e.Chord.Transpose(semitones), Pitch = e.Pitch + semitones }).ToList()))
            .ToList(),
    };
}

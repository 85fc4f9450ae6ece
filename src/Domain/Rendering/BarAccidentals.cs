using SithSynth.Domain.Music;

namespace SithSynth.Domain.Rendering;

/// <summary>
/// The accidentals in force on one staff, bar by bar, as a reader tracks them: a note shows an accidental where it
/// departs from the key signature or from an earlier accidental on its line in the bar; a tied continuation shows none.
/// Courtesy accidentals go where engravers put them: on the first note of a line that was altered in the bar before,
/// and on a letter whose other octave carries another alteration earlier in the same bar.
/// </summary>
public sealed class BarAccidentals(Key key)
{
    private readonly Dictionary<(char Step, int Octave), int> _inForce = [];
    private readonly Dictionary<(char Step, int Octave), int> _lastBar = [];
    private readonly HashSet<(char Step, int Octave)> _seenThisBar = [];

    /// <summary>Starts a bar: what was altered in the bar just ended is remembered for its courtesy accidentals.</summary>
    public void NewBar()
    {
        _lastBar.Clear();
        foreach (var (line, alter) in _inForce)
        {
            if (alter != key.SignatureAlter(line.Step))
            {
                _lastBar[line] = alter;
            }
        }

        _inForce.Clear();
        _seenThisBar.Clear();
    }

    /// <summary>The accidental shown before <paramref name="pitch"/>; a note continuing a tie shows none and changes nothing.</summary>
    public ShownAccidental? Show(WrittenPitch pitch, bool continuesTie)
    {
        var line = (pitch.Step, pitch.Octave);
        if (continuesTie)
        {
            return null;
        }

        var expected = _inForce.TryGetValue(line, out var alter) ? alter : key.SignatureAlter(pitch.Step);
        var firstOnLine = _seenThisBar.Add(line);
        _inForce[line] = pitch.Alter;
        if (pitch.Alter != expected)
        {
            return new ShownAccidental(ShownAccidental.NameOf(pitch.Alter), Cautionary: false);
        }

        var alteredLastBar = firstOnLine && _lastBar.TryGetValue(line, out var before) && before != pitch.Alter;
        var otherOctave = firstOnLine && _inForce.Any(f => f.Key.Step == pitch.Step && f.Key.Octave != pitch.Octave && f.Value != pitch.Alter);
        return alteredLastBar || otherOctave ? new ShownAccidental(ShownAccidental.NameOf(pitch.Alter), Cautionary: true) : null;
    }
}

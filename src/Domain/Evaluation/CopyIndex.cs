using SithSynth.Domain.Music;

namespace SithSynth.Domain.Evaluation;

/// <summary>
/// The training pieces' melodies as one suffix automaton over sounding notes (pitch or rest, and length), so the
/// longest run of consecutive notes a sheet shares with any single training piece is found in time linear in the
/// sheet. Pieces are kept apart by a separator of their own, so no match spans two of them.
/// </summary>
public sealed class CopyIndex
{
    private readonly List<Dictionary<long, int>> _next = [];
    private readonly List<int> _link = [];
    private readonly List<int> _length = [];
    private int _last;

    public CopyIndex(IEnumerable<LeadSheet> pieces)
    {
        NewState(0, -1);
        long separator = -1;
        foreach (var piece in pieces)
        {
            foreach (var symbol in Symbols(piece))
            {
                Extend(symbol);
            }

            Extend(separator--);
            Pieces++;
        }
    }

    public int Pieces { get; }

    /// <summary>The number of consecutive sounding notes of <paramref name="sheet"/> that stand, in a row, in one training piece.</summary>
    public int LongestCopy(LeadSheet sheet)
    {
        int state = 0, length = 0, best = 0;
        foreach (var symbol in Symbols(sheet))
        {
            while (state != 0 && !_next[state].ContainsKey(symbol))
            {
                state = _link[state];
                length = _length[state];
            }

            if (_next[state].TryGetValue(symbol, out var target))
            {
                state = target;
                length++;
            }

            best = Math.Max(best, length);
        }

        return best;
    }

    private static IEnumerable<long> Symbols(LeadSheet sheet) =>
        MelodyLine.Of(sheet).Select(n => ((long)(n.Pitch ?? 255) << 40) | (n.Length.Numerator << 16) | n.Length.Denominator);

    private int NewState(int length, int link)
    {
        _next.Add([]);
        _link.Add(link);
        _length.Add(length);
        return _next.Count - 1;
    }

    private void Extend(long symbol)
    {
        var current = NewState(_length[_last] + 1, 0);
        var p = _last;
        while (p != -1 && !_next[p].ContainsKey(symbol))
        {
            _next[p][symbol] = current;
            p = _link[p];
        }

        if (p != -1)
        {
            var q = _next[p][symbol];
            if (_length[p] + 1 == _length[q])
            {
                _link[current] = q;
            }
            else
            {
                var clone = NewState(_length[p] + 1, _link[q]);
                _next[clone] = new Dictionary<long, int>(_next[q]);
                while (p != -1 && _next[p].TryGetValue(symbol, out var to) && to == q)
                {
                    _next[p][symbol] = clone;
                    p = _link[p];
                }

                _link[q] = clone;
                _link[current] = clone;
            }
        }

        _last = current;
    }
}

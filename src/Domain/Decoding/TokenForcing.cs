namespace SithSynth.Domain.Decoding;

/// <summary>
/// Restates bars the form repeats: while the decoder writes a restated bar, the next token is the one the decoder
/// wrote at the same place in the bar it restates. The tokens were valid there, and a bar starts in the same state
/// wherever it stands (but for a tie into it), so they are valid again; the decoder still feeds each one to the model, so the model's state
/// follows the sheet. A restatement the final bar's ending mask refuses is given up for the rest of that bar, and so is
/// one whose bar opens with a tie where the bar before holds no note (a bar's first tie is the one token that depends
/// on the bar before it).
/// </summary>
public sealed class TokenForcing
{
    private readonly IReadOnlyList<int?> _restates;
    private readonly List<List<int>> _bars = [[]];
    private int _position;
    private bool _abandoned;

    /// <param name="restates">For each bar, the earlier bar it copies, or null.</param>
    public TokenForcing(IReadOnlyList<int?> restates)
    {
        for (var bar = 0; bar < restates.Count; bar++)
        {
            if (restates[bar] is { } source && (source < 0 || source >= bar || restates[source] is not null))
            {
                throw new ArgumentException($"Bar {bar + 1} cannot restate bar {source + 1}: a bar restates an earlier bar that is not itself restated.", nameof(restates));
            }
        }

        _restates = restates;
    }

    /// <summary>How many tokens were forced so far.</summary>
    public int Forced { get; private set; }

    /// <summary>The token the form asks for next, or null when the decoder samples.</summary>
    public int? Next(int bar)
    {
        if (_abandoned || bar >= _restates.Count || _restates[bar] is not { } source)
        {
            return null;
        }

        var tokens = _bars[source];
        return _position < tokens.Count ? tokens[_position] : null;
    }

    /// <summary>Gives up restating the current bar: its remaining tokens are sampled.</summary>
    public void Abandon() => _abandoned = true;

    /// <summary>Records the token just written; <paramref name="endsBar"/> for the bar token itself.</summary>
    public void Written(int token, bool forced, bool endsBar)
    {
        Forced += forced ? 1 : 0;
        _bars[^1].Add(token);
        _position++;
        if (endsBar)
        {
            _bars.Add([]);
            _position = 0;
            _abandoned = false;
        }
    }
}

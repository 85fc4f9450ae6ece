using SithSynth.Domain.CoWriting;
using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// Keeps bars as written while the decoder writes the others (<see cref="KeptBars"/>). A kept bar's tokens are forced
/// one by one, above every rule, and still fed to the model, so the new bars follow what the model heard. Where a new
/// bar meets a kept one, it joins it as the bar it replaces did, so the kept bar reads the same:
/// <list type="bullet">
/// <item>after a kept bar, the new bar opens with a tie exactly when the old one did (the kept bar's last note keeps,
/// or never gains, its tie), and a last note off the home scale is followed a semitone up exactly when it was before
/// (that rising step decides its spelling);</item>
/// <item>before a kept bar that opens with a tie, the new bar ends on the old one's held note, chord, pitch and length:
/// the kept bar's tied note goes on sounding the same pitch.</item>
/// </list>
/// A kept bar's courtesy accidentals are the one thing the new bar before it decides, as they should be: they remind
/// the reader of what that bar altered.
/// </summary>
public sealed class KeptForcing
{
    private readonly TokenVocabulary _tokens;
    private readonly IReadOnlyList<IReadOnlyList<int>?> _kept;
    private readonly IReadOnlyList<Tail?> _tails;
    private readonly IReadOnlyList<Measure?> _keptBars;
    private readonly IReadOnlyList<Measure?> _replaced;
    private int _position;
    private int? _lastPitch;

    public KeptForcing(TokenVocabulary tokens, KeptBars? kept, int bars)
    {
        _tokens = tokens;
        kept ??= new KeptBars(new Measure?[bars], new Measure?[bars]);
        if (kept.Count != bars)
        {
            throw new ArgumentException($"{kept.Count} bars are kept or replaced, the sheet has {bars}.", nameof(kept));
        }

        _keptBars = kept.Kept;
        _replaced = kept.Replaced;
        _kept = [.. kept.Kept.Select(m => m is null ? null : (IReadOnlyList<int>)Tokens(m.Events, closesBar: true))];
        _tails = [.. Enumerable.Range(0, bars).Select(b => b + 1 < bars && _keptBars[b] is null && OpensTied(_keptBars[b + 1]) && _replaced[b] is { } old
            ? Tail.Of(this, old, tiedIn: b > 0 && _keptBars[b - 1] is not null)
            : null)];
    }

    /// <summary>Whether the decoder writes bar <paramref name="bar"/> (0-based) itself.</summary>
    public bool Writes(int bar) => bar >= _kept.Count || _kept[bar] is null;

    /// <summary>The token a kept bar, or a held note joining one, asks for next; null where the decoder samples.</summary>
    public int? Next(SheetCursor cursor)
    {
        var bar = cursor.CompletedBars;
        if (bar >= _kept.Count)
        {
            return null;
        }

        if (_kept[bar] is { } tokens)
        {
            return tokens[_position];
        }

        return _tails[bar] is { } tail && cursor.Onset >= tail.Onset && _position < tail.Tokens.Count ? tail.Tokens[_position] : null;
    }

    /// <summary>
    /// The room the next duration of a written bar may fill: <paramref name="room"/> (the bar's end, or a progression's
    /// next change) cut short where the held note joining a kept bar starts.
    /// </summary>
    public Duration Room(SheetCursor cursor, Duration room)
    {
        var bar = cursor.CompletedBars;
        return bar < _tails.Count && _tails[bar] is { } tail && cursor.Onset < tail.Onset && tail.Onset - cursor.Onset < room
            ? tail.Onset - cursor.Onset
            : room;
    }

    /// <summary>Narrows the notes the grammar allows in a written bar to those that join its kept neighbours.</summary>
    public void Restrict(SheetCursor cursor, List<int> allowed)
    {
        var bar = cursor.CompletedBars;
        if (cursor.Next != Slot.Note || !Writes(bar))
        {
            return;
        }

        if (cursor.Onset == Duration.Zero && bar > 0 && _keptBars[bar - 1] is not null && _replaced[bar] is { } old)
        {
            Join(allowed, old);
        }
    }

    /// <summary>Records the token just written, before the cursor moves past it.</summary>
    public void Written(DecoderToken token, SheetCursor cursor)
    {
        var forcedHere = Next(cursor) is not null;
        _position = token.Kind == TokenKind.Bar ? 0 : forcedHere ? _position + 1 : 0;
        if (token.Kind == TokenKind.Note)
        {
            _lastPitch = token.Pitch;
        }
    }

    // The first note of a new bar after a kept one: a tie where the old bar opened tied, none where it did not, and the
    // step up from a note off the scale taken or avoided as before.
    private void Join(List<int> allowed, Measure old)
    {
        var first = old.Events[0];
        if (first.Tied && _tokens.Tie is { } tie && allowed.Contains(tie))
        {
            allowed.RemoveAll(id => id != tie);
            return;
        }

        allowed.RemoveAll(id => _tokens[id].Kind == TokenKind.Tie);
        if (_lastPitch is { } last && OffScale(last))
        {
            var stepUp = _tokens.TryIdOf(DecoderToken.ForNote(last + 1), out var up) ? up : -1;
            if (first.Pitch == last + 1 && allowed.Contains(stepUp))
            {
                allowed.RemoveAll(id => id != stepUp);
            }
            else
            {
                allowed.Remove(stepUp);
            }
        }
    }

    // Off the home scale: the black keys, as neither C major nor A minor has a sharp or flat in its signature.
    private static bool OffScale(int pitch) => ((pitch % 12) + 12) % 12 is 1 or 3 or 6 or 8 or 10;

    private static bool OpensTied(Measure? measure) => measure is { Events.Count: > 0 } m && m.Events[0].Tied;

    private List<int> Tokens(IEnumerable<MelodyEvent> events, bool closesBar, bool firstUntied = false)
    {
        var ids = new List<int>();
        var first = true;
        foreach (var e in events)
        {
            ids.Add(_tokens.IdOf(DecoderToken.ForChord(e.Chord)));
            var tied = e.Tied && _tokens.Tie is not null && !(first && firstUntied);
            ids.Add(tied ? _tokens.Tie!.Value : _tokens.IdOf(DecoderToken.ForNote(e.Pitch)));
            ids.Add(_tokens.IdOf(DecoderToken.ForDuration(e.Duration)));
            first = false;
        }

        if (closesBar)
        {
            ids.Add(_tokens.Bar);
        }

        return ids;
    }

    /// <summary>The old bar's last note with the notes tied into it, from <see cref="Onset"/> to the bar's end.</summary>
    private sealed record Tail(Duration Onset, IReadOnlyList<int> Tokens)
    {
        public static Tail Of(KeptForcing forcing, Measure old, bool tiedIn)
        {
            var events = old.EventsWithOnsets().ToList();
            var from = events.Count - 1;
            while (from > 0 && events[from].Event.Tied)
            {
                from--;
            }

            // The held note starts afresh (a pitch, not a tie) unless it is tied in from a kept bar: what came before it is new.
            return new Tail(events[from].Onset, forcing.Tokens(events.Skip(from).Select(e => e.Event), closesBar: false, firstUntied: !tiedIn));
        }
    }
}

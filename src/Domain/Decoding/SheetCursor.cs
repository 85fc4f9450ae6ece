using SithSynth.Domain.Music;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// Follows a token sequence bar by bar: which slot comes next, how much of the bar is left, and the bar index and
/// onset the model is told for the next token (see models/README.md). The one implementation of those rules, used
/// by the corpus writer and by the decoder alike. A tie fills a note slot only right after a pitched note (a note or
/// a tie, in this bar or the one before): there is something to hold on.
/// </summary>
public sealed class SheetCursor
{
    private readonly Duration _barLength;
    private readonly int _bars;
    private readonly int _onsetResolution;
    private readonly int _maxOnset;

    /// <summary>A cursor standing right after <c>sos</c>, before the first event of the first bar.</summary>
    public SheetCursor(TimeSignature timeSignature, int bars, int onsetResolution, int maxOnset)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bars);
        _barLength = timeSignature.BarLength;
        _bars = bars;
        _onsetResolution = onsetResolution;
        _maxOnset = maxOnset;
    }

    public Slot Next { get; private set; } = Slot.Chord;

    public int CompletedBars { get; private set; }

    /// <summary>Where the current event starts, from the start of the bar.</summary>
    public Duration Onset { get; private set; } = Duration.Zero;

    public Duration Remaining => _barLength - Onset;

    /// <summary>True when the last complete event sounds a pitch, so a tie may continue it.</summary>
    public bool CanTie { get; private set; }

    private bool _eventPitched;

    /// <summary>The bar index the model is told for the next token.</summary>
    public long BarInput => Math.Min(CompletedBars, _bars - 1);

    /// <summary>The onset, in model units, the model is told for the next token: a bar token is told the bar's end.</summary>
    public long OnsetInput => Math.Min(Onset.ToTicks(_onsetResolution), _maxOnset - 1);

    /// <summary>True when <paramref name="token"/> may come next: the right slot, and a duration that fits the bar.</summary>
    public bool Accepts(DecoderToken token)
    {
        var slot = token.Kind switch
        {
            TokenKind.Chord => Slot.Chord,
            TokenKind.Note or TokenKind.Tie => Slot.Note,
            TokenKind.Duration => Slot.Duration,
            TokenKind.Bar => Slot.Bar,
            TokenKind.Eos => Slot.Eos,
            _ => Slot.Done,
        };
        return slot == Next && slot != Slot.Done
            && (token.Kind != TokenKind.Duration || token.Duration <= Remaining)
            && (token.Kind != TokenKind.Tie || CanTie);
    }

    /// <summary>Moves past <paramref name="token"/>; a token that breaks the grammar is a bug in the caller.</summary>
    public void Advance(DecoderToken token)
    {
        if (!Accepts(token))
        {
            throw new InvalidOperationException($"Token '{token.Text}' cannot follow here: the sheet expects a {Next}{(Next == Slot.Note && !CanTie ? " other than a tie (no pitched note before it)" : "")} with {Remaining} quarters left in bar {CompletedBars + 1}.");
        }

        switch (token.Kind)
        {
            case TokenKind.Chord:
                Next = Slot.Note;
                break;
            case TokenKind.Note:
            case TokenKind.Tie:
                _eventPitched = token.Kind == TokenKind.Tie || token.Pitch is not null;
                Next = Slot.Duration;
                break;
            case TokenKind.Duration:
                CanTie = _eventPitched;
                Onset += token.Duration;
                Next = Onset == _barLength ? Slot.Bar : Slot.Chord;
                break;
            case TokenKind.Bar:
                CompletedBars++;
                Onset = Duration.Zero;
                Next = CompletedBars == _bars ? Slot.Eos : Slot.Chord;
                break;
            case TokenKind.Eos:
                Next = Slot.Done;
                break;
        }
    }
}

using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Models;
using SithSynth.Domain.Randomness;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// Writes a lead sheet token by token and only ever samples tokens that keep it valid: chord → note (or a tie right
/// after a pitched note) → duration,
/// durations that fit the bar and leave a fillable rest, <c>bar</c> exactly when the bar is full and <c>eos</c>
/// exactly after the requested bars. Every pass yields a valid sheet, so nothing is ever retried.
/// </summary>
public sealed class ConstrainedDecoder
{
    private readonly INextTokenModel _model;
    private readonly TokenVocabulary _tokens;

    public ConstrainedDecoder(INextTokenModel model)
    {
        _model = model;
        _tokens = model.Tokens;
    }

    /// <summary>Writes one sheet with one bar per condition; every condition shares the first one's meter.</summary>
    public DecodedMusic Decode(IReadOnlyList<BarCondition> bars, SamplingOptions options, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bars.Count);
        var timeSignature = bars[0].TimeSignature;
        var fill = new DurationFill(_tokens.Durations, timeSignature.BarLength);
        if (!fill.CanFill(timeSignature.BarLength))
        {
            throw new ArgumentException($"The model's durations cannot fill a bar of {timeSignature}.", nameof(bars));
        }

        var random = new SeededRandom(seed);
        var sampler = new MaskedSampler(_tokens.Count, options);
        var cursor = new SheetCursor(timeSignature, bars.Count, _model.OnsetResolution, _model.MaxOnset);
        var builder = new SheetBuilder();
        var tokens = new List<int>(bars.Count * 24) { _tokens.Sos };
        var barInputs = new List<long>(tokens.Capacity);
        var onsetInputs = new List<long>(tokens.Capacity);
        var allowed = new List<int>(_tokens.Count);
        var interventions = 0;
        var masked = 0.0;

        using var session = _model.Start(bars);
        while (cursor.Next != Slot.Done)
        {
            barInputs.Add(cursor.BarInput);
            onsetInputs.Add(cursor.OnsetInput);
            var logits = session.Advance(tokens[^1], cursor.BarInput, cursor.OnsetInput);
            Allowed(cursor, fill, allowed);
            var draw = sampler.Sample(logits, allowed, random);
            interventions += draw.Intervened ? 1 : 0;
            masked += draw.MaskedProbability;

            var token = _tokens[draw.Token];
            cursor.Advance(token);
            builder.Add(token);
            tokens.Add(draw.Token);
        }

        return new DecodedMusic(builder.Measures, new TokenSequence(tokens, barInputs, onsetInputs), interventions, masked);
    }

    private void Allowed(SheetCursor cursor, DurationFill fill, List<int> allowed)
    {
        allowed.Clear();
        switch (cursor.Next)
        {
            case Slot.Chord:
                allowed.AddRange(_tokens.ChordIds);
                break;
            case Slot.Note:
                allowed.AddRange(_tokens.NoteIds);
                if (_tokens.Tie is { } tie && cursor.CanTie)
                {
                    allowed.Add(tie);
                }

                break;
            case Slot.Duration:
                foreach (var id in _tokens.DurationIds)
                {
                    if (fill.Allows(_tokens[id].Duration, cursor.Remaining))
                    {
                        allowed.Add(id);
                    }
                }

                break;
            case Slot.Bar:
                allowed.Add(_tokens.Bar);
                break;
            case Slot.Eos:
                allowed.Add(_tokens.Eos);
                break;
        }
    }
}

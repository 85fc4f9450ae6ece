using SithSynth.Domain.CoWriting;
using SithSynth.Domain.Conditioning;
using SithSynth.Domain.Models;
using SithSynth.Domain.Music;
using SithSynth.Domain.Progressions;
using SithSynth.Domain.Randomness;
using SithSynth.Domain.Vocabulary;

namespace SithSynth.Domain.Decoding;

/// <summary>
/// Writes a lead sheet token by token and only ever samples tokens that keep it valid: chord → note (or a tie right
/// after a pitched note) → duration,
/// durations that fit the bar and leave a fillable rest, <c>bar</c> exactly when the bar is full and <c>eos</c>
/// exactly after the requested bars, and a final bar that closes on the tonic (<see cref="EndingRule"/>). Musical
/// rules narrow that further where they can: chords change on beats (<see cref="HarmonicRhythmRule"/>), a share of
/// sheets closes V→I (<see cref="CadenceRule"/>) and a share opens on I (<see cref="OpeningRule"/>), the chords lean
/// toward the planned valence and the key (<see cref="ChordGuidance"/>) and the melody toward steps (<see cref="MelodyGuidance"/>) and, on the beat, its chord's tones (<see cref="ChordToneGuidance"/>), minor sheets open on i and close phrases on i or V
/// (<see cref="MinorPhraseRule"/>) and raise the seventh over the dominant (<see cref="HarmonicMinorRule"/>), and
/// 6/8 keeps its two halves (<see cref="MidBarRule"/>), and no bar holds more notes than its density bin (<see cref="DensityRule"/>). Bars the
/// form restates are forced rather than sampled (<see cref="TokenForcing"/>), and so are bars kept from an earlier sheet or a
/// primer, above every rule, with the new bars joining them (<see cref="KeptForcing"/>) and leaning toward the notes they meet (<see cref="JoinGuidance"/>). A chord progression, when given, is law
/// (<see cref="ChordGrid"/>): where it fixes a chord only that chord is offered and events end at its changes, above
/// every musical rule and the ending's harmony (a final bar it closes on another chord than the tonic has no tonic
/// ending, and no cadence is drawn over a final bar it fixes). Every pass yields a valid sheet, so nothing is ever retried.
/// </summary>
public sealed class ConstrainedDecoder
{
    // Keeps the cadence's draw apart from the sampling stream, so engaging it does not reshuffle the notes.
    private const ulong CadenceStream = 1UL << 40;
    private const ulong OpeningStream = 1UL << 41;

    private readonly INextTokenModel _model;
    private readonly TokenVocabulary _tokens;

    public ConstrainedDecoder(INextTokenModel model)
    {
        _model = model;
        _tokens = model.Tokens;
    }

    /// <summary>
    /// Writes one sheet with one bar per condition; every condition shares the first one's meter, and the last one's
    /// mode decides the tonic the sheet ends on. <paramref name="restates"/> gives, for each bar, the earlier bar it
    /// copies (see <see cref="SongForm.SourceBars"/>); none when null. <paramref name="progression"/> gives, at home,
    /// the chords to follow bar by bar (bars past its end are free); none when null. <paramref name="kept"/> gives, at
    /// home, the bars that stay as written; none when null.
    /// </summary>
    public DecodedMusic Decode(
        IReadOnlyList<BarCondition> bars,
        SamplingOptions options,
        ulong seed,
        IReadOnlyList<int?>? restates = null,
        IReadOnlyList<ProgressionBar>? progression = null,
        KeptBars? kept = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bars.Count);
        var timeSignature = bars[0].TimeSignature;
        var fill = new DurationFill(_tokens.Durations, timeSignature.BarLength);
        if (!fill.CanFill(timeSignature.BarLength))
        {
            throw new ArgumentException($"The model's durations cannot fill a bar of {timeSignature}.", nameof(bars));
        }

        if (restates is not null && restates.Count != bars.Count)
        {
            throw new ArgumentException($"The form restates {restates.Count} bars, the sheet has {bars.Count}.", nameof(restates));
        }

        var grid = new ChordGrid(progression ?? [], _tokens, timeSignature, bars.Count, fill);
        var final = bars.Count - 1;
        var ending = Ending(grid, final, fill, timeSignature, bars[^1].Mode);
        var cadenceDrawn = new SeededRandom(SeededRandom.Derive(seed, CadenceStream)).NextDouble() < CadenceRule.Share;
        var cadence = new CadenceRule(_tokens, bars[^1].Mode, bars.Count, cadenceDrawn && !grid.Fixes(final));
        var harmony = new HarmonicRhythmRule(timeSignature);
        var opening = new OpeningRule(_tokens, bars[0] with { Mode = bars[^1].Mode }, new SeededRandom(SeededRandom.Derive(seed, OpeningStream)).NextDouble() < OpeningRule.Share);
        ITokenRule[] rules = [opening, cadence, new MinorPhraseRule(_tokens, bars, fill), harmony, new HarmonicMinorRule(bars[^1].Mode), new MidBarRule(timeSignature, fill), new DensityRule(bars)];
        var guidance = new ChordGuidance(_tokens, bars);
        var melody = new MelodyGuidance(_tokens, bars[^1].Mode);
        var chordTones = new ChordToneGuidance(_tokens, timeSignature);
        var toned = new float[_tokens.Count];
        var sung = new float[_tokens.Count];
        var guided = new float[_tokens.Count];
        var carried = new float[_tokens.Count];
        var forcing = new TokenForcing(restates ?? new int?[bars.Count]);
        var keeping = new KeptForcing(_tokens, kept, bars.Count);
        var joining = new JoinGuidance(_tokens, keeping, kept, bars.Count);
        var joined = new float[_tokens.Count];
        var random = new SeededRandom(seed);
        var sampler = new MaskedSampler(_tokens.Count, options);
        var cursor = new SheetCursor(timeSignature, bars.Count, _model.OnsetResolution, _model.MaxOnset);
        var builder = new SheetBuilder();
        var tokens = new List<int>(bars.Count * 24) { _tokens.Sos };
        var barInputs = new List<long>(tokens.Capacity);
        var onsetInputs = new List<long>(tokens.Capacity);
        var allowed = new List<int>(_tokens.Count);
        var interventions = 0;
        int? sounding = null;
        var masked = 0.0;

        using var session = _model.Start(bars);
        while (cursor.Next != Slot.Done)
        {
            barInputs.Add(cursor.BarInput);
            onsetInputs.Add(cursor.OnsetInput);
            var logits = session.Advance(tokens[^1], cursor.BarInput, cursor.OnsetInput);
            Allowed(cursor, fill, grid, keeping, allowed);
            if (cursor.CompletedBars == final && keeping.Writes(final))
            {
                ending?.Restrict(cursor, allowed);
            }

            keeping.Restrict(cursor, allowed);

            foreach (var rule in rules)
            {
                Narrow(allowed, rule, cursor);
            }

            int id;
            var held = keeping.Next(cursor);
            var forced = held ?? forcing.Next(cursor.CompletedBars);
            if (held is null && forced is { } tied && tied == _tokens.Tie && !cursor.CanTie)
            {
                // A restated bar that opened by holding a note cannot here, after a bar that ended on a rest (or on a
                // restatement given up): the bar is written afresh rather than failing the sheet.
                forcing.Abandon();
                forced = null;
            }

            if (forced is { } check && !cursor.Accepts(_tokens[check]))
            {
                // Valid where it was first written, so valid here: a slip is a bug in the forcing, not in the music.
                throw new InvalidOperationException($"The {(held is null ? "restated" : "kept")} token '{_tokens[check].Text}' breaks the grammar of bar {cursor.CompletedBars + 1}.");
            }

            // A kept token is the sheet's own, above the rules; a restated one yields to them.
            var wasForced = held is not null || (forced is { } restated && allowed.Contains(restated));
            if (wasForced)
            {
                id = forced!.Value;
            }
            else
            {
                if (forced is not null)
                {
                    forcing.Abandon();
                }

                var chosen = guidance.Apply(cursor, logits, options.Temperature, guided, sounding);
                var sungOver = chordTones.Apply(cursor, melody.Apply(cursor, chosen, options.Temperature, sung), options.Temperature, toned, sounding);
                var leaned = joining.Apply(cursor, sungOver, options.Temperature, joined);
                var draw = sampler.Sample(harmony.CarryChange(cursor, leaned, _tokens.ChordIds, allowed, options.Temperature, carried), allowed, random);
                interventions += draw.Intervened ? 1 : 0;
                masked += draw.MaskedProbability;
                id = draw.Token;
            }

            var token = _tokens[id];
            foreach (var rule in rules)
            {
                rule.Observe(cursor, token);
            }

            melody.Observe(token);
            joining.Observe(cursor, token);
            sounding = token.Kind == TokenKind.Chord ? id : sounding;
            keeping.Written(token, cursor);
            cursor.Advance(token);
            builder.Add(token);
            ending?.Observe(token);
            forcing.Written(id, wasForced && held is null, token.Kind == TokenKind.Bar);
            tokens.Add(id);
        }

        return new DecodedMusic(builder.Measures, new TokenSequence(tokens, barInputs, onsetInputs), interventions, masked) { Forced = forcing.Forced };
    }

    // Keeps what the rule allows, unless it allows none of it: the grammar and the ending outrank the musical rules.
    private void Narrow(List<int> allowed, ITokenRule rule, SheetCursor cursor)
    {
        var kept = 0;
        foreach (var id in allowed)
        {
            kept += rule.Allows(cursor, _tokens[id]) ? 1 : 0;
        }

        if (kept > 0 && kept < allowed.Count)
        {
            allowed.RemoveAll(id => !rule.Allows(cursor, _tokens[id]));
        }
    }

    // The ending of the final bar: after the progression's last cut, on the tonic unless the progression fixes another
    // chord there, and none at all where the vocabulary cannot close in what the progression leaves.
    private EndingRule? Ending(ChordGrid grid, int final, DurationFill fill, TimeSignature timeSignature, KeyMode mode)
    {
        var from = grid.LastCut(final);
        var ending = new EndingRule(_tokens, fill, timeSignature, mode, from);
        if (grid.ChordAt(final, from) is { } fixedChord && !ending.IsTonicChord(fixedChord))
        {
            return null;
        }

        if (!ending.CanClose)
        {
            return grid.Fixes(final) ? null : throw new ArgumentException($"The vocabulary cannot end a bar of {timeSignature} on the tonic.", nameof(fill));
        }

        return ending;
    }

    private void Allowed(SheetCursor cursor, DurationFill fill, ChordGrid grid, KeptForcing keeping, List<int> allowed)
    {
        allowed.Clear();
        switch (cursor.Next)
        {
            case Slot.Chord when grid.ChordAt(cursor.CompletedBars, cursor.Onset) is { } fixedChord:
                allowed.Add(fixedChord);
                break;
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
                // To the next cut of the progression (the bar's end without one), so a fixed chord starts on time, and
                // to a note held into a kept bar.
                var room = keeping.Room(cursor, grid.NextCut(cursor.CompletedBars, cursor.Onset) - cursor.Onset);
                foreach (var id in _tokens.DurationIds)
                {
                    if (fill.Allows(_tokens[id].Duration, room))
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

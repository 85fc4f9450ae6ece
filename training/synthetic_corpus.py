#!/usr/bin/env python3
"""Writes a small synthetic corpus in exactly the format `sithsynth corpus` produces.

It exists so the training pipeline (and the CI smoke test) can run without the C# tool or the
OpenEWLD scores. The music is simple but learnable: chords follow a fixed cycle, notes walk
within a scale and the density condition picks the note lengths, so losses visibly fall.

Positions follow models/README.md: step i feeds tokens[i] with bars[i], onsets[i], the bar and
onset of tokens[i+1]; a `bar` token stands at the bar's length, the token after it at onset 0.
Format 2: five condition columns (the mode last), final phrase positions on each piece's last two bars,
and the `tie` token in a note slot right after a pitched note.
"""
import argparse
import json
import os
import random
from fractions import Fraction

RESOLUTION = 12          # onset units per quarter note
MAX_ONSET = 73        # the longest bar (12/8 = 72 units) plus one: a bar token stands at its end
MAX_BARS = 40
TIME_SIGNATURES = ["4/4", "3/4", "2/4", "2/2", "6/8", "12/8"]
PHRASES = ["start1", "start2", "-", "end1", "end2", "final1", "final2"]
MODES = ["major", "minor"]
VALENCES = [-2, -1, 0, 1, 2]
DENSITIES = ["low", "med", "high"]
CHORDS = ["N.C.", "C", "Dm", "Em", "F", "G", "G7", "Am", "C7", "D7", "A7", "E7", "Bb", "Fm", "Cmaj7", "Dm7"]
PITCHES = list(range(48, 85))
DURATIONS = ["1/4", "1/3", "1/2", "2/3", "3/4", "1", "4/3", "3/2", "2", "3", "4", "6"]
SCALE = [0, 2, 4, 5, 7, 9, 11]


def build_vocab():
    tokens = ["pad", "sos", "eos", "bar"]
    tokens += ["chord:" + c for c in CHORDS]
    tokens += ["note:rest"] + ["note:%d" % p for p in PITCHES]
    tokens += ["dur:" + d for d in DURATIONS]
    tokens += ["tie"]
    return {
        "tokens": tokens,
        "conditions": {"timeSignatures": TIME_SIGNATURES, "phrasePositions": PHRASES,
                       "valences": VALENCES, "densities": DENSITIES, "modes": MODES},
        "onsetResolution": RESOLUTION, "maxOnset": MAX_ONSET, "maxBars": MAX_BARS,
        "specialTokens": {"pad": 0, "sos": 1, "eos": 2, "bar": 3},
    }


def bar_length(ts):
    num, den = ts.split("/")
    return int(Fraction(int(num) * 4, int(den)) * RESOLUTION)


def make_piece(rng, vocab_index, name):
    ts_index = rng.randrange(len(TIME_SIGNATURES))
    ts = TIME_SIGNATURES[ts_index]
    length = bar_length(ts)
    n_bars = rng.randint(4, 16)
    valence = rng.randrange(len(VALENCES))
    # Shorter notes for higher density: the model must learn to read the condition.
    note_choices = {0: ["2", "3", "1"], 1: ["1", "1/2", "3/2"], 2: ["1/2", "1/3", "1/4"]}
    tonic = 60 + rng.choice([-5, 0, 2, 5])
    cycle = ["C", "Am", "F", "G7"] if valence >= 2 else ["Am", "Dm", "E7", "Am"]
    mode = 0 if valence >= 2 else 1
    pitch_step = rng.randrange(len(SCALE))
    conditions, events_per_bar = [], []
    for b in range(n_bars):
        phrase = 0 if b == 0 else (6 if b == n_bars - 1 else (5 if b == n_bars - 2 else (1 if b % 4 == 0 else 2)))
        density = rng.randrange(len(DENSITIES))
        conditions.append([ts_index, phrase, valence, density, mode])
        chord = cycle[b % len(cycle)]
        onset, events = 0, []
        while onset < length:
            d = rng.choice(note_choices[density])
            units = int(Fraction(d) * RESOLUTION)
            if onset + units > length:
                units = length - onset
                d = str(Fraction(units, RESOLUTION))
                if "dur:" + d not in vocab_index:
                    d, units = "1/4", 3
            pitch_step = max(0, min(13, pitch_step + rng.choice([-1, 0, 1, 1, 2, -2])))
            pitch = tonic + 12 * (pitch_step // 7) + SCALE[pitch_step % 7] - 7
            note = "rest" if rng.random() < 0.08 else str(pitch)
            previous = (events or (events_per_bar[-1] if events_per_bar else []))[-1:]
            if note != "rest" and previous and previous[0][2] != "rest" and rng.random() < 0.1:
                note = "tie"  # hold the note before (possibly across the barline)
            events.append((onset, chord, note, d))
            onset += units
        events_per_bar.append(events)
    return ts, length, conditions, events_per_bar


def encode(vocab_index, length, conditions, events_per_bar):
    """Token ids plus the bar/onset of every predicted token (tokens[1:])."""
    n_bars = len(conditions)
    tokens = [vocab_index["sos"]]
    positions = []  # (bar, onset) of each token after sos
    for b, events in enumerate(events_per_bar):
        for onset, chord, note, dur in events:
            for t in ("chord:" + chord, "tie" if note == "tie" else "note:" + note, "dur:" + dur):
                tokens.append(vocab_index[t])
                positions.append((b, onset))
        tokens.append(vocab_index["bar"])
        positions.append((b, length))
    tokens.append(vocab_index["eos"])
    positions.append((n_bars, 0))  # eos stands at onset 0 of the bar after the last
    bars = [min(b, n_bars - 1) for b, _ in positions]
    onsets = [min(o, MAX_ONSET - 1) for _, o in positions]
    return tokens, bars, onsets


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "work", "synthetic"))
    ap.add_argument("--pieces", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    vocab = build_vocab()
    index = {t: i for i, t in enumerate(vocab["tokens"])}
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "vocab.json"), "w") as f:
        json.dump(vocab, f, indent=1)
    # 80/10/10 split by piece, as the real corpus splits by piece.
    splits = {"train": [], "valid": [], "test": []}
    for p in range(args.pieces):
        name = "synthetic-%04d" % p
        ts, length, conditions, events = make_piece(rng, index, name)
        tokens, bars, onsets = encode(index, length, conditions, events)
        split = "train" if p % 10 < 8 else ("valid" if p % 10 == 8 else "test")
        splits[split].append({"piece": name, "timeSignature": ts, "conditions": conditions,
                              "tokens": tokens, "bars": bars, "onsets": onsets})
    for split, rows in splits.items():
        with open(os.path.join(args.out, split + ".jsonl"), "w") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")
    print("wrote %s: %s" % (args.out, {k: len(v) for k, v in splits.items()}))


if __name__ == "__main__":
    main()

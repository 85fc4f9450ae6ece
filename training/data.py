"""Reads a corpus folder (vocab.json + train/valid/test.jsonl) and batches it for teacher forcing."""
import hashlib
import json
import os
import random

import torch


def load_vocab(corpus_dir):
    with open(os.path.join(corpus_dir, "vocab.json")) as f:
        return json.load(f)


def load_split(corpus_dir, split):
    rows = []
    with open(os.path.join(corpus_dir, split + ".jsonl")) as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            r = json.loads(line)
            # Fail early on a malformed corpus rather than training on shifted positions.
            if not (len(r["bars"]) == len(r["onsets"]) == len(r["tokens"]) - 1):
                raise ValueError("%s.jsonl line %d: bars/onsets must be one shorter than tokens" % (split, n))
            if r["bars"] and max(r["bars"]) >= len(r["conditions"]):
                raise ValueError("%s.jsonl line %d: bar index beyond the conditions" % (split, n))
            rows.append(r)
    return rows


def sha256_of(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def make_batches(rows, max_tokens, rng=None):
    """Groups sequences of similar length so padding stays small; shuffles the batch order if rng is given."""
    order = sorted(range(len(rows)), key=lambda i: len(rows[i]["tokens"]))
    if rng is not None:
        # Shuffle within roughly equal lengths so each epoch sees different batch compositions.
        order = sorted(order, key=lambda i: (len(rows[i]["tokens"]) // 16, rng.random()))
    batches, current, longest = [], [], 0
    for i in order:
        n = len(rows[i]["tokens"]) - 1
        if current and max(longest, n) * (len(current) + 1) > max_tokens:
            batches.append(current)
            current, longest = [], 0
        current.append(i)
        longest = max(longest, n)
    if current:
        batches.append(current)
    if rng is not None:
        rng.shuffle(batches)
    return batches


def collate(rows, pad_id):
    """Pads a list of sequences into tensors; targets equal pad where there is nothing to predict."""
    b = len(rows)
    t = max(len(r["tokens"]) - 1 for r in rows)
    nb = max(len(r["conditions"]) for r in rows)
    inputs = torch.full((b, t), pad_id, dtype=torch.long)
    targets = torch.full((b, t), pad_id, dtype=torch.long)
    bars = torch.zeros((b, t), dtype=torch.long)
    onsets = torch.zeros((b, t), dtype=torch.long)
    # 4 condition columns in a format-1 corpus, 5 (with the mode) in a format-2 one.
    conditions = torch.zeros((b, nb, len(rows[0]["conditions"][0])), dtype=torch.long)
    n_bars = torch.zeros(b, dtype=torch.long)
    for i, r in enumerate(rows):
        n = len(r["tokens"]) - 1
        tok = torch.tensor(r["tokens"], dtype=torch.long)
        inputs[i, :n] = tok[:-1]
        targets[i, :n] = tok[1:]
        bars[i, :n] = torch.tensor(r["bars"], dtype=torch.long)
        onsets[i, :n] = torch.tensor(r["onsets"], dtype=torch.long)
        conditions[i, :len(r["conditions"])] = torch.tensor(r["conditions"], dtype=torch.long)
        n_bars[i] = len(r["conditions"])
    return {"conditions": conditions, "n_bars": n_bars, "inputs": inputs,
            "bars": bars, "onsets": onsets, "targets": targets}


def seeded_rng(seed):
    return random.Random(seed)

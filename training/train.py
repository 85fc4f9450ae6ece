#!/usr/bin/env python3
"""Trains one lead-sheet model, exports it to ONNX and writes its card (model.json) and parity fixture.

  /usr/bin/python3 training/train.py --arch lstm|transformer --corpus DIR --out models/NAME \
      [--max-minutes M] [--max-steps N] [--seed S]

Teacher forcing on whole sequences, AdamW, gradient clipping, label smoothing and a cosine learning
rate over the wall-time budget (or --schedule plateau: halve on a stalled epoch); the epoch with the best
validation loss is kept (early stopping) and exported. A corpus whose vocab.json lists modes (five
condition columns, final phrase positions, the tie token) gives a format-2 card; an older one format 1.
"""
import os

# Must be set before torch loads OpenBLAS: 2 BLAS threads with 1 torch thread is much faster here.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "2")

import argparse
import copy
import json
import math
import random
import subprocess
import sys
import time

import onnx
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
import export  # noqa: E402
import models  # noqa: E402

LICENCE = ("OpenEWLD (Federico Simonetta, DOI 10.5281/zenodo.4332855, repository 00sapo/OpenEWLD commit "
           "ec03cbd809ca5296ee708591b970d0423dcbe31c): the scores contain only public-domain music per the "
           "dataset's author; the repository is MIT licensed.")


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--arch", choices=["lstm", "transformer"], required=True)
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "work", "corpus"))
    ap.add_argument("--out", required=True, help="model folder, e.g. models/lstm; its name becomes the card's name")
    ap.add_argument("--max-minutes", type=float, default=14.0, help="training wall-time budget")
    ap.add_argument("--max-steps", type=int, default=0, help="stop after N optimiser steps (smoke tests)")
    ap.add_argument("--max-epochs", type=int, default=60)
    ap.add_argument("--patience", type=int, default=4, help="epochs without validation improvement before stopping")
    ap.add_argument("--hp", action="append", default=[], metavar="KEY=VALUE",
                    help="override a model hyperparameter of models.DEFAULTS, e.g. --hp hidden=192 (repeatable)")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--batch-tokens", type=int, default=2048, help="padded tokens per batch")
    ap.add_argument("--lr", type=float, default=None, help="default: 2e-3 for lstm, 1e-3 for transformer")
    ap.add_argument("--warmup", type=int, default=100, help="linear learning-rate warm-up steps")
    ap.add_argument("--clip", type=float, default=1.0)
    ap.add_argument("--schedule", choices=["cosine", "plateau"], default="cosine",
                    help="cosine: from the peak down to --min-lr-share over the time budget (or --max-steps); "
                         "plateau: halve whenever validation stalls")
    ap.add_argument("--min-lr-share", type=float, default=0.05, help="the cosine schedule's floor, as a share of the peak")
    ap.add_argument("--label-smoothing", type=float, default=0.05, help="on the training loss only; reported NLLs are plain")
    ap.add_argument("--weight-decay", type=float, default=0.01, help="AdamW's decoupled weight decay")
    ap.add_argument("--minor-repeat", type=int, default=1,
                    help="show each training window in a minor key this many times per epoch (the corpus is ~3%% minor)")
    ap.add_argument("--corpus-name", default="OpenEWLD")
    ap.add_argument("--checkpoint", default=None, help="where to save the best weights; default training/work/checkpoints/NAME.pt")
    return ap.parse_args()


def seed_everything(seed):
    random.seed(seed)
    torch.manual_seed(seed)


def evaluate(model, rows, vocab, batch_tokens):
    """Summed NLL (nats) over all predicted tokens, with the token and event counts."""
    pad = vocab["specialTokens"]["pad"]
    is_event = torch.tensor([t.startswith("chord:") for t in vocab["tokens"]])  # an event starts with its chord
    model.eval()
    total, tokens, events = 0.0, 0, 0
    with torch.no_grad():
        for idx in data.make_batches(rows, batch_tokens):
            b = data.collate([rows[i] for i in idx], pad)
            logits = model(b["conditions"], b["n_bars"], b["inputs"], b["bars"], b["onsets"])
            total += F.cross_entropy(logits.flatten(0, 1), b["targets"].flatten(), ignore_index=pad,
                                     reduction="sum").item()
            tokens += (b["targets"] != pad).sum().item()
            events += is_event[b["targets"]].sum().item()
    return {"nllPerToken": total / max(tokens, 1), "nllPerEvent": total / max(events, 1),
            "tokens": tokens, "events": events}


def git_commit(repo_dir):
    try:
        commit = subprocess.check_output(["git", "-C", repo_dir, "rev-parse", "HEAD"], text=True).strip()
        dirty = bool(subprocess.check_output(["git", "-C", repo_dir, "status", "--porcelain", "--", "training"],
                                             text=True).strip())
        return commit, dirty
    except (OSError, subprocess.CalledProcessError):
        return None, None


def parity_case(rows, max_bars=8, max_steps=30):
    """A validation window with (up to) 8 bars and its first ~30 steps that stay inside those bars."""
    row = next((r for r in rows if len(r["conditions"]) >= max_bars), max(rows, key=lambda r: len(r["conditions"])))
    conditions = row["conditions"][:max_bars]
    steps = [i for i in range(min(max_steps, len(row["bars"]))) if row["bars"][i] < len(conditions)]
    return (conditions, [row["tokens"][i] for i in steps], [row["bars"][i] for i in steps],
            [row["onsets"][i] for i in steps])


def train(args):
    torch.set_num_threads(1)
    seed_everything(args.seed)
    # Read the commit now: the code that trains is the code checked out when training starts.
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    commit, dirty = git_commit(repo)
    vocab = data.load_vocab(args.corpus)
    splits = {s: data.load_split(args.corpus, s) for s in ("train", "valid", "test")}
    pad = vocab["specialTokens"]["pad"]
    modes = vocab["conditions"].get("modes") or []
    if args.minor_repeat > 1 and "minor" in modes:
        minor = modes.index("minor")
        extra = [r for r in splits["train"] if r["conditions"][0][4] == minor] * (args.minor_repeat - 1)
        print("minor windows repeated x%d: +%d training windows" % (args.minor_repeat, len(extra)), flush=True)
        splits["train"] = splits["train"] + extra
    overrides = {}
    for kv in args.hp:
        key, value = kv.split("=", 1)
        overrides[key] = float(value) if "." in value else int(value)
    model, hp = models.build(args.arch, vocab, **overrides)
    lr = args.lr or {"lstm": 2e-3, "transformer": 1e-3}[args.arch]
    n_params = models.parameter_count(model)
    print("%s: %d parameters; train %d windows / %d tokens" % (
        args.arch, n_params, len(splits["train"]), sum(len(r["tokens"]) - 1 for r in splits["train"])), flush=True)

    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=args.weight_decay)
    rng = data.seeded_rng(args.seed)
    start = time.time()
    deadline = start + args.max_minutes * 60
    best, best_state, best_epoch, bad_epochs = math.inf, None, 0, 0
    history, step, epoch, lr_scale = [], 0, 0, 1.0
    stop, stopped_by = False, "max epochs"
    while not stop and epoch < args.max_epochs:
        epoch += 1
        model.train()
        run_loss, run_tokens = 0.0, 0
        for idx in data.make_batches(splits["train"], args.batch_tokens, rng):
            b = data.collate([splits["train"][i] for i in idx], pad)
            logits = model(b["conditions"], b["n_bars"], b["inputs"], b["bars"], b["onsets"])
            loss = F.cross_entropy(logits.flatten(0, 1), b["targets"].flatten(), ignore_index=pad,
                                   label_smoothing=args.label_smoothing)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip)
            step += 1
            if args.schedule == "cosine":
                progress = step / args.max_steps if args.max_steps else (time.time() - start) / (args.max_minutes * 60)
                lr_scale = args.min_lr_share + (1 - args.min_lr_share) * 0.5 * (1 + math.cos(math.pi * min(1.0, progress)))
            for g in opt.param_groups:
                g["lr"] = lr * lr_scale * min(1.0, step / args.warmup)
            opt.step()
            n = (b["targets"] != pad).sum().item()
            run_loss, run_tokens = run_loss + loss.item() * n, run_tokens + n
            if args.max_steps and step >= args.max_steps:
                stop, stopped_by = True, "max steps"
                break
            if time.time() > deadline:
                stop, stopped_by = True, "time budget (mid-epoch)"
                break
        valid = evaluate(model, splits["valid"], vocab, args.batch_tokens)
        history.append({"epoch": epoch, "trainLossPerToken": round(run_loss / max(run_tokens, 1), 4),
                        "validNllPerToken": round(valid["nllPerToken"], 4), "seconds": round(time.time() - start)})
        print("epoch %d step %d train %.4f valid %.4f/token %.3f/event lr %.2g %.0fs" % (
            epoch, step, run_loss / max(run_tokens, 1), valid["nllPerToken"], valid["nllPerEvent"],
            opt.param_groups[0]["lr"], time.time() - start), flush=True)
        if valid["nllPerToken"] < best - 1e-4:
            best, best_state, best_epoch, bad_epochs = valid["nllPerToken"], copy.deepcopy(model.state_dict()), epoch, 0
        else:
            bad_epochs += 1
            if args.schedule == "plateau":
                lr_scale *= 0.5  # halve the step size when validation stalls, before giving up
            if bad_epochs >= args.patience:
                stop, stopped_by = True, "early stopping"
    train_seconds = time.time() - start
    model.load_state_dict(best_state)
    valid = evaluate(model, splits["valid"], vocab, args.batch_tokens)
    test = evaluate(model, splits["test"], vocab, args.batch_tokens)

    name = os.path.basename(os.path.normpath(args.out))
    # Keep the weights (gitignored) so export or the parity fixture can be redone without retraining.
    checkpoint = args.checkpoint or os.path.join(os.path.dirname(os.path.abspath(__file__)), "work", "checkpoints",
                                                 name + ".pt")
    os.makedirs(os.path.dirname(os.path.abspath(checkpoint)), exist_ok=True)
    torch.save({"arch": args.arch, "hyperparameters": hp, "state_dict": best_state}, checkpoint)
    os.makedirs(args.out, exist_ok=True)
    spec = export.export(model, args.out)
    export.write_parity(model, args.out, *parity_case(splits["valid"]))
    card = {
        "formatVersion": 2 if vocab["conditions"].get("modes") else 1,
        "name": name,
        "architecture": args.arch,
        "description": describe(args.arch, hp, n_params),
        "summary": SUMMARIES.get(args.arch),
        "maxBars": vocab["maxBars"],
        "onsetResolution": vocab["onsetResolution"],
        "maxOnset": vocab["maxOnset"],
        "conditions": vocab["conditions"],
        "tokens": vocab["tokens"],
        "encoder": {"file": "encoder.onnx", "conditions": "conditions", "memory": "memory"},
        "decoder": {"file": "decoder.onnx", "token": "token", "bar": "bar", "onset": "onset", "memory": "memory",
                    "logits": "logits", "state": spec},
        "training": {
            "corpus": {"name": args.corpus_name, "licence": LICENCE if args.corpus_name == "OpenEWLD" else None,
                       "trainSha256": data.sha256_of(os.path.join(args.corpus, "train.jsonl")),
                       "windows": {s: len(r) for s, r in splits.items()},
                       "trainTokens": sum(len(r["tokens"]) - 1 for r in splits["train"])},
            "gitCommit": commit,
            "gitDirty": dirty,
            "torchVersion": torch.__version__,
            "onnxVersion": onnx.__version__,
            "opset": export.OPSET,
            "seed": args.seed,
            "hyperparameters": dict(hp, learningRate=lr, warmupSteps=args.warmup, batchTokens=args.batch_tokens,
                                    gradientClip=args.clip, patience=args.patience, optimizer="AdamW",
                                    weightDecay=args.weight_decay, labelSmoothing=args.label_smoothing,
                                    schedule=args.schedule, minLrShare=args.min_lr_share,
                                    minorRepeat=args.minor_repeat,
                                    maxMinutes=args.max_minutes),
            "parameters": n_params,
            "epochsRun": epoch,
            "bestEpoch": best_epoch,
            "steps": step,
            "stoppedBy": stopped_by,
            "trainSeconds": round(train_seconds, 1),
            "validNllPerToken": round(valid["nllPerToken"], 4),
            "validLossPerEvent": round(valid["nllPerEvent"], 4),
            "testNllPerToken": round(test["nllPerToken"], 4),
            "testNllPerEvent": round(test["nllPerEvent"], 4),
            "lossUnits": "nats; per token = mean over every predicted token (chord, note or tie, dur, bar, eos); per "
                         "event = summed NLL divided by the number of events (chord+note+dur triples); "
                         "trainLossPerToken includes label smoothing, the NLLs do not",
            "history": history,
        },
    }
    with open(os.path.join(args.out, "model.json"), "w") as f:
        json.dump(card, f, indent=1)
    size = sum(os.path.getsize(os.path.join(args.out, f)) for f in os.listdir(args.out))
    print("summary: %s %s params=%d epochs=%d best=%d train=%.0fs valid=%.4f/token %.3f/event "
          "test=%.4f/token %.3f/event size=%.1fMB -> %s" % (
              name, args.arch, n_params, epoch, best_epoch, train_seconds, valid["nllPerToken"],
              valid["nllPerEvent"], test["nllPerToken"], test["nllPerEvent"], size / 1e6, args.out), flush=True)


# What the web client shows beside the model's name: a musician's words, not the architecture (that is "description").
SUMMARIES = {
    "transformer": "The default: follows the mood and note density you ask for most closely, bar by bar.",
    "lstm": "A second writer with its own habits: tunes that move more by step. Try it for other ideas with the same settings.",
}


def describe(arch, hp, n_params):
    if arch == "lstm":
        return ("Bidirectional LSTM encoder over per-bar conditions; 2-layer LSTM step decoder (hidden %d) fed "
                "token + onset embeddings and the current bar's memory row. %.1fM parameters."
                % (hp["hidden"], n_params / 1e6))
    return ("Transformer encoder (%d layers) over per-bar conditions; pre-norm causal Transformer step decoder "
            "(%d layers, d=%d, %d heads, key/value cache) fed token + onset embeddings and the current bar's "
            "memory row. %.1fM parameters." % (hp["enc_layers"], hp["layers"], hp["d"], hp["heads"], n_params / 1e6))


if __name__ == "__main__":
    train(parse_args())

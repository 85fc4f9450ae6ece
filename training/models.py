"""Conditional encoder-decoder models for lead sheets (see models/README.md for the contract).

Both models share one interface:
  encode(conditions [B, bars, F], n_bars [B] or None) -> memory [B, bars, d_mem]
    (F = 5: time signature, phrase position, valence, density, mode; 4 without the mode, format-1 corpora)
  forward(conditions, n_bars, tokens, bars, onsets) -> logits [B, T, V]   (teacher forcing)
  step(token [1], bar [1], onset [1], memory [1, bars, d_mem], *state) -> logits [1, V], *state
  initial_state() -> zero tensors of the state's initial shapes
The decoder learns position from (bar, onset) alone, so the step decoder needs no step counter.
"""
import math

import torch
from torch import nn
import torch.nn.functional as F


class ConditionEmbedding(nn.Module):
    """Sum of the per-bar condition embeddings (one per feature) plus a learned bar-position embedding."""

    def __init__(self, condition_sizes, max_bars, d):
        super().__init__()
        self.features = nn.ModuleList(nn.Embedding(n, d) for n in condition_sizes)
        self.bar_position = nn.Embedding(max_bars, d)

    def forward(self, conditions):
        x = self.features[0](conditions[..., 0])
        for i in range(1, len(self.features)):
            x = x + self.features[i](conditions[..., i])
        # Slicing the table by the dynamic bar count keeps the exported encoder's bars axis dynamic.
        return x + self.bar_position.weight[: conditions.shape[1]].unsqueeze(0)


class StepInput(nn.Module):
    """x = token_embedding(token) + onset_embedding(onset) + Linear(memory[bar])."""

    def __init__(self, vocab_size, max_onset, d_mem, d):
        super().__init__()
        self.token = nn.Embedding(vocab_size, d)
        self.onset = nn.Embedding(max_onset, d)
        self.memory = nn.Linear(d_mem, d)

    def forward(self, tokens, bars, onsets, memory):
        # tokens/bars/onsets [B, T]; gather each step's bar row of memory [B, bars, d_mem] -> [B, T, d_mem].
        rows = torch.gather(memory, 1, bars.unsqueeze(-1).expand(-1, -1, memory.shape[-1]))
        return self.token(tokens) + self.onset(onsets) + self.memory(rows)


class Block(nn.Module):
    """Pre-norm Transformer block; optional key/value cache for step decoding."""

    def __init__(self, d, heads, ff, dropout):
        super().__init__()
        self.heads, self.dh = heads, d // heads
        self.ln1 = nn.LayerNorm(d)
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.ln2 = nn.LayerNorm(d)
        self.ff1 = nn.Linear(d, ff)
        self.ff2 = nn.Linear(ff, d)
        self.drop = nn.Dropout(dropout)

    def split_heads(self, x):
        return x.reshape(x.shape[0], -1, self.heads, self.dh).transpose(1, 2)

    def forward(self, x, mask=None, past_k=None, past_v=None):
        """x [B, T, d]; mask additive, broadcast to [B, heads, T, T_total]; past_k/v [B, heads, P, dh]."""
        q, k, v = self.qkv(self.ln1(x)).chunk(3, dim=-1)
        q, k, v = self.split_heads(q), self.split_heads(k), self.split_heads(v)
        if past_k is not None:
            # Concatenate first, then attend: works for an empty cache (P = 0) too.
            k = torch.cat([past_k, k], dim=2)
            v = torch.cat([past_v, v], dim=2)
        att = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(self.dh))
        if mask is not None:
            att = att + mask
        att = self.drop(torch.softmax(att, dim=-1))
        y = torch.matmul(att, v).transpose(1, 2).reshape(x.shape[0], -1, self.heads * self.dh)
        x = x + self.drop(self.proj(y))
        x = x + self.drop(self.ff2(self.drop(F.gelu(self.ff1(self.ln2(x))))))
        return x, k, v


def padding_mask(n_bars, length):
    """Additive key mask [B, 1, 1, length]: -inf on padded bars."""
    if n_bars is None:
        return None
    pad = torch.arange(length, device=n_bars.device)[None, :] >= n_bars[:, None]
    return torch.zeros(pad.shape).masked_fill(pad, float("-inf"))[:, None, None, :]


class LstmModel(nn.Module):
    architecture = "lstm"

    def __init__(self, vocab_size, condition_sizes, max_bars, max_onset,
                 d_enc=128, d_mem=256, d_emb=256, hidden=256, layers=2, dropout=0.2):
        super().__init__()
        self.layers, self.hidden, self.d_mem = layers, hidden, d_mem
        self.cond = ConditionEmbedding(condition_sizes, max_bars, d_enc)
        self.enc_rnn = nn.LSTM(d_enc, d_enc, num_layers=1, batch_first=True, bidirectional=True)
        self.enc_out = nn.Linear(2 * d_enc, d_mem)
        self.inp = StepInput(vocab_size, max_onset, d_mem, d_emb)
        self.dec_rnn = nn.LSTM(d_emb, hidden, num_layers=layers, batch_first=True, dropout=dropout)
        self.out = nn.Linear(hidden, vocab_size)
        self.drop = nn.Dropout(dropout)

    def encode(self, conditions, n_bars=None):
        x = self.drop(self.cond(conditions))
        if n_bars is not None:
            # Packing keeps the backward direction from reading padded bars.
            packed = nn.utils.rnn.pack_padded_sequence(x, n_bars.cpu(), batch_first=True, enforce_sorted=False)
            y, _ = self.enc_rnn(packed)
            y, _ = nn.utils.rnn.pad_packed_sequence(y, batch_first=True, total_length=x.shape[1])
        else:
            y, _ = self.enc_rnn(x)
        return self.enc_out(y)

    def decode(self, tokens, bars, onsets, memory, state=None):
        x = self.drop(self.inp(tokens, bars, onsets, memory))
        y, state = self.dec_rnn(x, state)
        return self.out(self.drop(y)), state

    def forward(self, conditions, n_bars, tokens, bars, onsets):
        memory = self.encode(conditions, n_bars)
        return self.decode(tokens, bars, onsets, memory)[0]

    def initial_state(self):
        z = torch.zeros(self.layers, 1, self.hidden)
        return [z, z.clone()]

    def state_spec(self):
        shape = [self.layers, 1, self.hidden]
        return [{"input": "h", "output": "h_out", "initialShape": shape},
                {"input": "c", "output": "c_out", "initialShape": shape}]

    def step(self, token, bar, onset, memory, h, c):
        logits, (h, c) = self.decode(token[None], bar[None], onset[None], memory, (h, c))
        return logits[:, 0], h, c


class TransformerModel(nn.Module):
    architecture = "transformer"

    def __init__(self, vocab_size, condition_sizes, max_bars, max_onset,
                 d=160, heads=4, ff=640, layers=3, enc_layers=2, enc_ff=320, dropout=0.1):
        super().__init__()
        self.d, self.heads, self.n_layers, self.d_mem = d, heads, layers, d
        self.cond = ConditionEmbedding(condition_sizes, max_bars, d)
        self.enc = nn.ModuleList(Block(d, heads, enc_ff, dropout) for _ in range(enc_layers))
        self.enc_norm = nn.LayerNorm(d)
        self.inp = StepInput(vocab_size, max_onset, d, d)
        self.dec = nn.ModuleList(Block(d, heads, ff, dropout) for _ in range(layers))
        self.dec_norm = nn.LayerNorm(d)
        self.out = nn.Linear(d, vocab_size)
        self.drop = nn.Dropout(dropout)

    def encode(self, conditions, n_bars=None):
        x = self.drop(self.cond(conditions))
        mask = padding_mask(n_bars, conditions.shape[1])
        for block in self.enc:
            x = block(x, mask)[0]
        return self.enc_norm(x)

    def forward(self, conditions, n_bars, tokens, bars, onsets):
        memory = self.encode(conditions, n_bars)
        x = self.drop(self.inp(tokens, bars, onsets, memory))
        t = tokens.shape[1]
        # Causal mask only: padding sits at the end, so real steps never see it.
        causal = torch.full((t, t), float("-inf")).triu(1)
        for block in self.dec:
            x = block(x, causal)[0]
        return self.out(self.dec_norm(x))

    def initial_state(self):
        z = torch.zeros(self.n_layers, 1, self.heads, 0, self.d // self.heads)
        return [z, z.clone()]

    def state_spec(self):
        shape = [self.n_layers, 1, self.heads, 0, self.d // self.heads]
        return [{"input": "past_keys", "output": "present_keys", "initialShape": shape},
                {"input": "past_values", "output": "present_values", "initialShape": shape}]

    def step(self, token, bar, onset, memory, past_keys, past_values):
        x = self.inp(token[None], bar[None], onset[None], memory)
        keys, values = [], []
        for i, block in enumerate(self.dec):
            x, k, v = block(x, None, past_keys[i], past_values[i])
            keys.append(k)
            values.append(v)
        logits = self.out(self.dec_norm(x))[:, 0]
        return logits, torch.stack(keys), torch.stack(values)


DEFAULTS = {
    "lstm": dict(d_enc=128, d_mem=256, d_emb=256, hidden=256, layers=2, dropout=0.3),
    "transformer": dict(d=160, heads=4, ff=640, layers=3, enc_layers=2, enc_ff=320, dropout=0.2),
}


def build(arch, vocab, **overrides):
    c = vocab["conditions"]
    sizes = [len(c["timeSignatures"]), len(c["phrasePositions"]), len(c["valences"]), len(c["densities"])]
    if c.get("modes"):
        sizes.append(len(c["modes"]))
    hp = dict(DEFAULTS[arch], **overrides)
    cls = {"lstm": LstmModel, "transformer": TransformerModel}[arch]
    return cls(len(vocab["tokens"]), sizes, vocab["maxBars"], vocab["maxOnset"], **hp), hp


def parameter_count(model):
    return sum(p.numel() for p in model.parameters())

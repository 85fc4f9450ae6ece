"""Export-only graphs: the same functions as models.py, rewritten so each decoder step is a short ONNX graph.

The trained modules stay as they are (teacher-forced training is unchanged); these wrappers only refold
their weights, so the step graph computes what models.py's `step` computes (up to float rounding, ~1e-6):

- Everything linear that depends only on the bar is moved into the encoder: the exported `memory` is the
  decoder's input projection of the memory row (LSTM: even through the first layer's input weights), so a
  step reads its bar's row with one Gather instead of a Linear per step.
- LSTM: token and onset embeddings are pre-multiplied by the first layer's input weights (tables of gate
  pre-activations); each layer is then one Gemm on h plus fused gates (Split, Sigmoid, Tanh, 5 elementwise
  ops) instead of ONNX's LSTM op with its Transpose/Squeeze/Unsqueeze plumbing. Gate columns are reordered
  to (i, f, o, g) so one Sigmoid covers three gates. Per-layer states h_<l>, c_<l> of shape [1, hidden].
- Transformer: one key and one value cache per layer (past_key_<l> [heads, dh, T], past_value_<l>
  [heads, T, dh]); keys are stored transposed so q @ K needs no Transpose, and all reshapes have constant
  shapes (batch 1, one new token). The attention scale is folded into the query weights and GELU's 1/sqrt(2)
  into the feed-forward weights (GELU(u) = z (1 + erf z) / sqrt(2) with z = u / sqrt(2)).
"""
import math

import torch
from torch import nn
import torch.nn.functional as F


def _buf(module, name, tensor):
    module.register_buffer(name, tensor.detach().to(torch.float32).contiguous())


class _Linear(nn.Module):
    """y = x @ w + b with weights given in float64 (folded), stored float32."""

    def __init__(self, w, b):
        super().__init__()
        _buf(self, "w", w)
        _buf(self, "b", b)

    def forward(self, x):
        return torch.matmul(x, self.w) + self.b


class LeanEncoder(nn.Module):
    """model.encode followed by a folded Linear: the exported memory is what the step reads per bar."""

    def __init__(self, model, w, b):
        super().__init__()
        self.model = model
        self.proj = _Linear(w, b)

    def forward(self, conditions):
        return self.proj(self.model.encode(conditions))


def _f64(t):
    return t.detach().to(torch.float64)


class LstmStep(nn.Module):
    def __init__(self, model):
        super().__init__()
        rnn, H = model.dec_rnn, model.hidden
        self.layers, self.hidden = model.layers, H
        perm = torch.cat([torch.arange(0, 2 * H), torch.arange(3 * H, 4 * H), torch.arange(2 * H, 3 * H)])
        w_ih0 = _f64(rnn.weight_ih_l0)[perm]                    # [4H, d_emb]
        b0 = (_f64(rnn.bias_ih_l0) + _f64(rnn.bias_hh_l0))[perm]
        inp = model.inp
        _buf(self, "tok", _f64(inp.token.weight) @ w_ih0.T)      # [V, 4H]
        _buf(self, "ons", _f64(inp.onset.weight) @ w_ih0.T + b0)  # [maxOnset, 4H], carries layer 0's biases
        # memory row -> Linear(d_mem, d_emb) -> layer-0 input weights, folded into one Linear on the encoder output
        self.enc_w = (_f64(inp.memory.weight).T @ w_ih0.T)        # [d_mem, 4H]
        self.enc_b = _f64(inp.memory.bias) @ w_ih0.T
        self.d_mem = 4 * H
        for l in range(self.layers):
            _buf(self, "whh%d" % l, _f64(getattr(rnn, "weight_hh_l%d" % l))[perm].T)
            if l > 0:
                _buf(self, "wih%d" % l, _f64(getattr(rnn, "weight_ih_l%d" % l))[perm].T)
                _buf(self, "b%d" % l, (_f64(getattr(rnn, "bias_ih_l%d" % l)) +
                                      _f64(getattr(rnn, "bias_hh_l%d" % l)))[perm])
        _buf(self, "wout", _f64(model.out.weight).T)
        _buf(self, "bout", _f64(model.out.bias))

    def initial_state(self):
        return [torch.zeros(1, self.hidden) for _ in range(2 * self.layers)]

    def state_spec(self):
        spec = []
        for l in range(self.layers):
            spec.append({"input": "h_%d" % l, "output": "h_out_%d" % l, "initialShape": [1, self.hidden]})
            spec.append({"input": "c_%d" % l, "output": "c_out_%d" % l, "initialShape": [1, self.hidden]})
        return spec

    def _cell(self, gates, c):
        H = self.hidden
        s, g = torch.split(gates, [3 * H, H], dim=1)
        i, f, o = torch.sigmoid(s).split([H, H, H], dim=1)
        c = f * c + i * torch.tanh(g)
        return o * torch.tanh(c), c

    def forward(self, token, bar, onset, memory, *state):
        gates = F.embedding(token, self.tok) + F.embedding(onset, self.ons) + F.embedding(bar, memory[0])
        out = []
        x = None
        for l in range(self.layers):
            h, c = state[2 * l], state[2 * l + 1]
            if l == 0:
                gates = torch.addmm(gates, h, self.whh0)
            else:
                gates = torch.addmm(torch.addmm(getattr(self, "b%d" % l), h, getattr(self, "whh%d" % l)),
                                    x, getattr(self, "wih%d" % l))
            x, c = self._cell(gates, c)
            out += [x, c]
        return (torch.addmm(self.bout, x, self.wout), *out)


class _LeanBlock(nn.Module):
    def __init__(self, block):
        super().__init__()
        d = block.qkv.in_features
        self.heads, self.dh, self.d = block.heads, block.dh, d
        self.ln1, self.ln2 = block.ln1, block.ln2
        scale = torch.ones(3 * d, dtype=torch.float64)
        scale[:d] = 1.0 / math.sqrt(self.dh)                       # attention scale folded into q
        _buf(self, "wqkv", (_f64(block.qkv.weight) * scale[:, None]).T)
        _buf(self, "bqkv", _f64(block.qkv.bias) * scale)
        _buf(self, "wp", _f64(block.proj.weight).T)
        _buf(self, "bp", _f64(block.proj.bias))
        r = 1.0 / math.sqrt(2.0)                                   # GELU's 1/sqrt(2), folded both sides
        _buf(self, "w1", _f64(block.ff1.weight).T * r)
        _buf(self, "b1", _f64(block.ff1.bias) * r)
        _buf(self, "w2", _f64(block.ff2.weight).T * r)
        _buf(self, "b2", _f64(block.ff2.bias))

    def forward(self, x, past_k, past_v):
        """x [1, d]; past_k [heads, dh, T]; past_v [heads, T, dh]."""
        q, k, v = torch.addmm(self.bqkv, self.ln1(x), self.wqkv).split(self.d, dim=1)
        k = torch.cat([past_k, k.reshape(self.heads, self.dh, 1)], dim=2)
        v = torch.cat([past_v, v.reshape(self.heads, 1, self.dh)], dim=1)
        att = torch.softmax(torch.matmul(q.reshape(self.heads, 1, self.dh), k), dim=-1)
        y = torch.matmul(att, v).reshape(1, self.d)
        x = x + torch.addmm(self.bp, y, self.wp)
        z = torch.addmm(self.b1, self.ln2(x), self.w1)
        x = x + torch.addmm(self.b2, z * (torch.erf(z) + 1.0), self.w2)
        return x, k, v


class TransformerStep(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.heads, self.dh, self.n_layers = model.heads, model.d // model.heads, model.n_layers
        inp = model.inp
        _buf(self, "tok", inp.token.weight)
        _buf(self, "ons", inp.onset.weight)
        self.enc_w, self.enc_b = _f64(inp.memory.weight).T, _f64(inp.memory.bias)
        self.d_mem = model.d
        self.blocks = nn.ModuleList(_LeanBlock(b) for b in model.dec)
        self.norm = model.dec_norm
        _buf(self, "wout", _f64(model.out.weight).T)
        _buf(self, "bout", _f64(model.out.bias))

    def initial_state(self):
        out = []
        for _ in range(self.n_layers):
            out += [torch.zeros(self.heads, self.dh, 0), torch.zeros(self.heads, 0, self.dh)]
        return out

    def state_spec(self):
        spec = []
        for l in range(self.n_layers):
            spec.append({"input": "past_key_%d" % l, "output": "present_key_%d" % l,
                         "initialShape": [self.heads, self.dh, 0]})
            spec.append({"input": "past_value_%d" % l, "output": "present_value_%d" % l,
                         "initialShape": [self.heads, 0, self.dh]})
        return spec

    def forward(self, token, bar, onset, memory, *state):
        x = F.embedding(token, self.tok) + F.embedding(onset, self.ons) + F.embedding(bar, memory[0])
        out = []
        for l, block in enumerate(self.blocks):
            x, k, v = block(x, state[2 * l], state[2 * l + 1])
            out += [k, v]
        return (torch.addmm(self.bout, self.norm(x), self.wout), *out)


def lean(model):
    """(encoder module, step module) for export; the step module has initial_state, state_spec and d_mem."""
    model.eval()
    step = {"lstm": LstmStep, "transformer": TransformerStep}[model.architecture](model)
    encoder = LeanEncoder(model, step.enc_w, step.enc_b)
    return encoder.eval(), step.eval()

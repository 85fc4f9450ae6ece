"""Exports a trained model to the ONNX contract of models/README.md and writes the parity fixture.

encoder.onnx: conditions int64 [1, bars, F] -> memory float32 [1, bars, d]   (F = 5 with the mode, 4 without)
decoder.onnx: token, bar, onset int64 [1], memory [1, bars, d], state inputs -> logits [1, V], state outputs
"""
import json
import os
import warnings

import onnx
import torch

import lean

OPSET = 17

# torch 1.13's exporter warns about its own shape-inference internals; the checks below cover shapes.
warnings.filterwarnings("ignore", category=UserWarning, module=r"torch\.onnx")


def condition_features(model):
    """Columns of the encoder's conditions input: one per condition embedding of the (trained) model."""
    return len(model.cond.features)


def example_inputs(model, features=4, bars=5, past=3):
    """Export inputs with non-trivial dynamic sizes, so the tracer cannot bake in 0 or 1."""
    g = torch.Generator().manual_seed(0)
    conditions = torch.zeros(1, bars, features, dtype=torch.long)
    memory = torch.randn(1, bars, model.d_mem, generator=g)
    state = []
    for s in model.initial_state():
        shape = list(s.shape)
        if 0 in shape:
            shape[shape.index(0)] = past
        state.append(torch.randn(*shape, generator=g))
    step = (torch.tensor([4]), torch.tensor([bars - 1]), torch.tensor([6]), memory, *state)
    return conditions, step


def check_traced_state(model, decoder):
    """The traced step graph must match eager mode from an empty state and from a grown one."""
    _, step = example_inputs(model)
    traced = torch.jit.trace(decoder, step, check_trace=False)
    token, bar, onset, memory = step[:4]
    state = model.initial_state()
    with torch.no_grad():
        for i in range(3):  # first call uses the initial (possibly zero-length) state
            eager = decoder(token, bar, onset, memory, *state)
            got = traced(token, bar, onset, memory, *state)
            for a, b in zip(eager, got):
                if a.shape != b.shape or (a - b).abs().max().item() > 1e-5:
                    raise AssertionError("traced decoder differs from eager at step %d" % i)
            state = list(eager[1:])


def check_lean_parity(model, encoder, decoder, bars=6, steps=40, tolerance=1e-4):
    """The lean step graph, fed one token at a time, must reproduce the teacher-forced forward pass."""
    g = torch.Generator().manual_seed(1)
    vocab, max_onset = model.out.out_features, model.inp.onset.num_embeddings
    conditions = torch.stack([torch.randint(n.num_embeddings, (1, bars), generator=g)
                              for n in model.cond.features], dim=-1)
    tokens = torch.randint(vocab, (1, steps), generator=g)
    bar_idx = torch.sort(torch.randint(bars, (1, steps), generator=g), dim=1).values
    onsets = torch.randint(max_onset, (1, steps), generator=g)
    with torch.no_grad():
        want = model(conditions, None, tokens, bar_idx, onsets)[0]
        memory = encoder(conditions)
        state = decoder.initial_state()
        worst = 0.0
        for i in range(steps):
            logits, *state = decoder(tokens[:, i], bar_idx[:, i], onsets[:, i], memory, *state)
            worst = max(worst, (logits[0] - want[i]).abs().max().item())
    if worst > tolerance:
        raise AssertionError("lean step graph differs from the teacher-forced forward by %.3g" % worst)
    return worst


def export(model, out_dir):
    """Writes encoder.onnx and decoder.onnx (the lean graphs of lean.py); returns the decoder's state spec."""
    model.eval()
    encoder, decoder = lean.lean(model)
    spec = decoder.state_spec()
    state_in = [s["input"] for s in spec]
    state_out = [s["output"] for s in spec]
    conditions, step = example_inputs(decoder, condition_features(model))
    check_traced_state(decoder, decoder)
    worst = check_lean_parity(model, encoder, decoder)
    print("export: lean step graph vs teacher-forced forward, max |logit diff| %.2g" % worst, flush=True)
    with torch.no_grad():
        torch.onnx.export(encoder, (conditions,), os.path.join(out_dir, "encoder.onnx"),
                          input_names=["conditions"], output_names=["memory"],
                          dynamic_axes={"conditions": {1: "bars"}, "memory": {1: "bars"}},
                          opset_version=OPSET, do_constant_folding=True)
        dynamic = {"memory": {1: "bars"}}
        for s in spec:
            grow = [i for i, n in enumerate(s["initialShape"]) if n == 0]
            if grow:  # a key/value cache grows along its zero-sized axis
                dynamic[s["input"]] = {grow[0]: "past"}
                dynamic[s["output"]] = {grow[0]: "past_plus_one"}
        torch.onnx.export(decoder, step, os.path.join(out_dir, "decoder.onnx"),
                          input_names=["token", "bar", "onset", "memory"] + state_in,
                          output_names=["logits"] + state_out, dynamic_axes=dynamic,
                          opset_version=OPSET, do_constant_folding=True)
    verify_onnx(out_dir, model, spec, decoder.d_mem)
    return spec


def _shape(value_info):
    return [d.dim_value if d.HasField("dim_value") else d.dim_param for d in value_info.type.tensor_type.shape.dim]


def verify_onnx(out_dir, model, spec, d_mem):
    """onnx.checker plus the tensor names, element types and ranks the card promises."""
    vocab = model.out.out_features
    expected = {
        "encoder.onnx": ({"conditions": (7, [1, "bars", condition_features(model)])}, {"memory": (1, [1, "bars", d_mem])}),
        "decoder.onnx": (
            dict({"token": (7, [1]), "bar": (7, [1]), "onset": (7, [1]), "memory": (1, [1, "bars", d_mem])},
                 **{s["input"]: (1, [("past" if n == 0 else n) for n in s["initialShape"]]) for s in spec}),
            dict({"logits": (1, [1, vocab])},
                 **{s["output"]: (1, [("past_plus_one" if n == 0 else n) for n in s["initialShape"]]) for s in spec})),
    }
    for name, (inputs, outputs) in expected.items():
        path = os.path.join(out_dir, name)
        m = onnx.load(path)
        # The tracer names some output dims after internal nodes; state the contract's shapes instead.
        for v in m.graph.output:
            _set_shape(v, outputs[v.name][1])
        onnx.save(m, path)
        onnx.checker.check_model(path, full_check=True)
        for actual, want, kind in ((m.graph.input, inputs, "input"), (m.graph.output, outputs, "output")):
            got = {v.name: (v.type.tensor_type.elem_type, _shape(v)) for v in actual}
            if got != want:
                raise AssertionError("%s %ss: got %s, want %s" % (name, kind, got, want))


def _set_shape(value_info, dims):
    shape = value_info.type.tensor_type.shape
    del shape.dim[:]
    for d in dims:
        if isinstance(d, int):
            shape.dim.add().dim_value = d
        else:
            shape.dim.add().dim_param = d


def _round(x):
    return float("%.8g" % x)


def write_parity(model, out_dir, conditions, tokens, bars, onsets):
    """Fixed inputs and the PyTorch step-decoder outputs, for the C# ONNX Runtime parity check."""
    model.eval()
    encoder, _ = lean.lean(model)
    with torch.no_grad():
        # The fixture's memory is what encoder.onnx writes; the logits come from models.py's own step.
        memory = encoder(torch.tensor([conditions], dtype=torch.long))
        reference = model.encode(torch.tensor([conditions], dtype=torch.long))
        state = model.initial_state()
        logits = []
        for t, b, o in zip(tokens, bars, onsets):
            lg, *state = model.step(torch.tensor([t]), torch.tensor([b]), torch.tensor([o]), reference, *state)
            logits.append([_round(x) for x in lg[0].tolist()])
    fixture = {
        "description": "Encoder memory and step-decoder logits from PyTorch (eval mode) for fixed inputs; "
                       "ONNX Runtime on encoder.onnx/decoder.onnx must reproduce them. Values rounded to 8 "
                       "significant digits.",
        "tolerance": 1e-4,
        "conditions": conditions,
        "tokens": tokens, "bars": bars, "onsets": onsets,
        "memory": [[_round(x) for x in row] for row in memory[0].tolist()],
        "logits": logits,
    }
    with open(os.path.join(out_dir, "parity.json"), "w") as f:
        json.dump(fixture, f, separators=(",", ":"))

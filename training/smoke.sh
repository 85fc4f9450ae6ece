#!/usr/bin/env bash
# Smoke test of the training pipeline: a tiny synthetic corpus, a few optimiser steps of each
# architecture, ONNX export, card and parity fixture. Takes about a minute on 2 cores.
#
#   training/smoke.sh [CHECK_COMMAND...]
#
# CHECK_COMMAND, if given, runs once per exported model with the model folder appended as its last
# argument (this is where the C# ONNX Runtime parity check plugs in), e.g.
#   training/smoke.sh dotnet run --project src/Cli -- parity --model-dir
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
py=/usr/bin/python3   # Debian's python has torch; a pyenv python3 on PATH may not
export OPENBLAS_NUM_THREADS=2
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$py" "$here/synthetic_corpus.py" --out "$tmp/corpus" --pieces 60
for arch in lstm transformer; do
  "$py" "$here/train.py" --arch "$arch" --corpus "$tmp/corpus" --out "$tmp/models/$arch" \
    --max-steps 3 --corpus-name synthetic --checkpoint "$tmp/$arch.pt"
  for f in encoder.onnx decoder.onnx model.json parity.json; do
    [ -s "$tmp/models/$arch/$f" ] || { echo "smoke: missing $arch/$f" >&2; exit 1; }
  done
  if [ $# -gt 0 ]; then
    "$@" "$tmp/models/$arch"
  fi
done
echo "smoke: OK (lstm, transformer)"

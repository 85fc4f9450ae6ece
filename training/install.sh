#!/usr/bin/env bash
# Installs the Debian packages the training scripts need (there is no PyPI here); idempotent, CI uses it.
set -euo pipefail
exec "$(dirname "$0")/../scripts/debian-packages.sh" python3-torch python3-onnx libopenblas0-pthread

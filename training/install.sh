#!/usr/bin/env bash
# Installs the Debian packages the training scripts need (there is no PyPI here).
# Idempotent: apt-get update runs only when something is missing, so CI re-runs are cheap.
set -euo pipefail
packages=(python3-torch python3-onnx libopenblas0-pthread)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install.sh: all packages present (${packages[*]})"
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update
$SUDO DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"

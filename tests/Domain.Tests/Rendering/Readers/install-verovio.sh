#!/usr/bin/env bash
# Installs Verovio (the npm package, which runs in node) into .tools/verovio (git-ignored), once. The engraving tests
# read our MusicXML back through it; the Verovio fixture runs this itself when the package is missing.
# 6.3.0 is pinned; bump it here only.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
version=6.3.0
target="$root/.tools/verovio"
if [ -f "$target/node_modules/verovio/package.json" ] && grep -q "\"version\": \"$version\"" "$target/node_modules/verovio/package.json"; then
  exit 0
fi
mkdir -p "$target"
npm install --prefix "$target" --no-audit --no-fund --loglevel=error "verovio@$version"

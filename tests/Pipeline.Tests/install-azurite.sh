#!/usr/bin/env bash
# Installs the Azurite storage emulator the blob tests run against into .tools/azurite (git-ignored), once.
# The Azurite fixture runs this itself when the emulator is missing; test.sh may run it up front.
# 3.35.0: the newest release that runs on Node 20 (3.36 needs Node 21, 3.37 Node 22); bump it here only.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
version=3.35.0
target="$root/.tools/azurite"
if [ -f "$target/node_modules/azurite/package.json" ] && grep -q "\"version\": \"$version\"" "$target/node_modules/azurite/package.json"; then
  exit 0
fi
mkdir -p "$target"
npm install --prefix "$target" --no-audit --no-fund --loglevel=error "azurite@$version"

#!/usr/bin/env bash
# Installs the named Debian packages that are missing, as root or through sudo; every script that needs a Debian
# package calls this one, so the way apt-get is run is written once.
# Idempotent: nothing runs (not even apt-get update) when every package is already installed.
# DEBIAN_FRONTEND goes through `env`: after an empty sudo prefix a bare VAR=value word would be run as a command.
set -euo pipefail
if [ $# -eq 0 ]; then
  echo "usage: scripts/debian-packages.sh PACKAGE..." >&2
  exit 2
fi

missing=()
for package in "$@"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "debian-packages: all present ($*)"
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "debian-packages: ${missing[*]} missing; run as root or install sudo" >&2
    exit 1
  fi
  as_root=(sudo)
fi

echo "debian-packages: installing ${missing[*]}"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"

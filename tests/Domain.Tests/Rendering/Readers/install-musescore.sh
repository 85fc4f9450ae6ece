#!/usr/bin/env bash
# Installs MuseScore 3 (Debian's musescore3, which gives mscore3) and poppler-utils (pdftoppm, to look at its PDFs)
# through the one shared Debian installer. The MuseScore fixture runs this itself when mscore3 is missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
"$root/scripts/debian-packages.sh" musescore3 poppler-utils

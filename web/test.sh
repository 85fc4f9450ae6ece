#!/usr/bin/env bash
# Tests the web client: installs exactly the locked packages (no install scripts, so nothing downloads a binary or a
# browser), type-checks and builds it (printing the chunk sizes), runs the unit tests, then the browser tests in
# Debian's Chromium against `sithsynth serve` on a free port. The browser tests need the Release build of src/Cli
# (the root test.sh builds it first). JUnit reports go to ../TestResults/web-*.xml for the root summary.
# UPDATE_SCREENSHOTS=1 also rewrites docs/screenshots/*.png.
set -euo pipefail
cd "$(dirname "$0")"

# Debian's chromium for the browser tests (never a downloaded browser).
../scripts/debian-packages.sh chromium

dll=../src/Cli/bin/Release/net10.0/sithsynth.dll
if [ -z "${SITHSYNTH_URL:-}" ] && [ ! -f "$dll" ]; then
  echo "web/test.sh: $dll is missing; build it first: dotnet build src/Cli -c Release" >&2
  exit 1
fi

echo "== web: npm ci"
npm ci --no-audit --no-fund --loglevel=error

echo "== web: type-check and build"
npm run build

mkdir -p ../TestResults
echo "== web: unit tests"
npx vitest run --reporter=default --reporter=junit --outputFile.junit=../TestResults/web-unit.xml

echo "== web: browser tests (Chromium against sithsynth serve)"
npx vitest run --config vitest.browser.config.ts --reporter=default --reporter=junit --outputFile.junit=../TestResults/web-browser.xml

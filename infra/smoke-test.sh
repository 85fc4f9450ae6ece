#!/usr/bin/env bash
# Smoke test of a deployed API: asks for an 8-bar lead sheet and polls its status until it is completed.
# Usage: infra/smoke-test.sh BASE_URL [TIMEOUT_SECONDS]   (FUNCTION_KEY, when set, goes in x-functions-key)
# Exits 0 when the generation completes, 1 when it fails, answers unexpectedly or takes too long.
set -euo pipefail

base="${1:?usage: smoke-test.sh BASE_URL [TIMEOUT_SECONDS]}"
base="${base%/}"
timeout="${2:-300}"

headers=(-H "Accept: application/json")
if [ -n "${FUNCTION_KEY:-}" ]; then
  headers+=(-H "x-functions-key: $FUNCTION_KEY")
fi
response_headers="$(mktemp)"
trap 'rm -f "$response_headers"' EXIT

# A freshly deployed Flex Consumption app starts cold and may answer 5xx for a while: curl retries those.
code="$(curl -sS --retry 10 --retry-delay 10 --retry-connrefused -o /dev/null -D "$response_headers" -w '%{http_code}' \
  -X POST "${headers[@]}" -H "Content-Type: application/json" --data '{"bars":8}' "$base/api/generations")"
if [ "$code" != 202 ]; then
  echo "smoke test: POST $base/api/generations answered $code, expected 202" >&2
  exit 1
fi

location="$(grep -i '^location:' "$response_headers" | head -n 1 | cut -d ' ' -f 2- | tr -d '\r')"
case "$location" in
  http://* | https://*) status_url="$location" ;;
  /*) status_url="$base$location" ;;
  "") echo "smoke test: the 202 answer has no Location header" >&2; exit 1 ;;
  *) status_url="$base/$location" ;;
esac
echo "smoke test: accepted, polling $status_url"

deadline=$((SECONDS + timeout))
while :; do
  body="$(curl -sS --fail-with-body --retry 3 --retry-delay 5 "${headers[@]}" "$status_url")"
  status="$(jq -r '.status // empty' <<<"$body")"
  case "$status" in
    completed) echo "smoke test: generation completed"; exit 0 ;;
    failed) echo "smoke test: generation failed: $body" >&2; exit 1 ;;
    pending | running) ;;
    *) echo "smoke test: unexpected status '$status' in: $body" >&2; exit 1 ;;
  esac
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "smoke test: still '$status' after ${timeout}s" >&2
    exit 1
  fi
  sleep 5
done

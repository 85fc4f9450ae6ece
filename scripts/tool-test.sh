#!/usr/bin/env bash
# Packs sithsynth as a .NET tool, installs it into a temporary tool path and runs it from an empty folder far from
# the checkout, as a new user would: `generate` must write a sheet with the packed models, `serve` must answer with
# the packed web client and stop within 5 s of SIGTERM. Each check is a JUnit test case in
# TestResults/tool.xml, which the root test.sh counts with the others. Needs web/dist built (web/test.sh does it).
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
results=$repo/TestResults/tool.xml
work=$(mktemp -d /tmp/sithsynth-tool.XXXXXX)
trap 'kill "${serve:-}" 2>/dev/null; rm -rf "$work"' EXIT
cases=()

check() { # NAME COMMAND...: runs COMMAND, records a passed or failed test case with the command's last output lines
  local name=$1 started output status
  shift
  started=$(date +%s.%N)
  # Not in a subshell: start_serve leaves $serve behind for the checks after it.
  "$@" > "$work/check.log" 2>&1
  status=$?
  output=$(cat "$work/check.log")
  cases+=("$name|$status|$(echo "$started $(date +%s.%N)" | awk '{printf "%.2f", $2 - $1}')|$(printf '%s' "$output" | tail -n 20 | base64 -w0)")
  if [ "$status" -eq 0 ]; then echo "  passed: $name"; else echo "  FAILED: $name"; printf '%s\n' "$output" | tail -n 20 | sed 's/^/    /'; fi
  return "$status"
}

pack() { dotnet pack src/Cli -c Release -nologo -v quiet -o "$work/feed"; }
install() { dotnet tool install sithsynth --tool-path "$work/tools" --add-source "$work/feed" --version 0.1.0 && test -x "$work/tools/sithsynth"; }

generate() (
  mkdir -p "$work/user" && cd "$work/user"
  "$work/tools/sithsynth" generate --bars 8 --seed 4608157915609156323 --json --out sheets > run.json || exit 1
  python3 - <<'PY'
import json, pathlib
run = json.load(open("run.json"))
assert run["seed"] == "4608157915609156323", run["seed"]
for name in ("leadsheet.mid", "leadsheet.musicxml", "leadsheet.json"):
    assert pathlib.Path("sheets", name).stat().st_size > 0, name
assert json.load(open("sheets/leadsheet.json"))["requestSeed"] == "4608157915609156323"
print("wrote", ", ".join(run["files"]))
PY
)

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
start_serve() {
  cd "$work/user" || return 1
  "$work/tools/sithsynth" serve --urls "http://127.0.0.1:$port" > serve.log 2>&1 &
  serve=$!
  cd "$repo" || return 1
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/api/health" > /dev/null && return 0
    kill -0 "$serve" 2>/dev/null || { cat "$work/user/serve.log"; return 1; }
    sleep 0.5
  done
  cat "$work/user/serve.log"
  return 1
}

serves_page() {
  local page
  page=$(curl -fs "http://127.0.0.1:$port/") || return 1
  # The packed client's own index.html (its script bundle), not the "web client is not built" page.
  grep -q '<script type="module"' <<< "$page" && ! grep -q 'not built' <<< "$page" || { echo "$page" | head -5; return 1; }
  local script
  script=$(grep -o 'src="/[^"]*\.js"' <<< "$page" | head -1 | cut -d'"' -f2)
  curl -fs -o /dev/null "http://127.0.0.1:$port$script" && echo "page and $script served"
}

stops_on_sigterm() {
  local started elapsed
  started=$(date +%s.%N)
  kill -TERM "$serve"
  wait "$serve"
  local status=$?
  elapsed=$(echo "$started $(date +%s.%N)" | awk '{printf "%.2f", $2 - $1}')
  serve=
  tail -n 3 "$work/user/serve.log"
  echo "exit code $status after ${elapsed}s"
  grep -q 'stopping…' "$work/user/serve.log" && [ "$status" -eq 0 ] && awk "BEGIN { exit !($elapsed < 5) }"
}

echo "== tool: pack, install into $work/tools, run from $work/user"
check "tool: dotnet pack src/Cli" pack \
  && check "tool: dotnet tool install --tool-path" install \
  && { check "tool: generate from an empty folder with the packed models" generate
       check "tool: serve starts from an empty folder" start_serve \
         && { check "tool: serve answers / with the packed web client" serves_page
              check "tool: serve stops within 5 s of SIGTERM" stops_on_sigterm; }; }

mkdir -p "$(dirname "$results")"
python3 - "$results" "${cases[@]}" <<'PY'
import base64, sys, xml.etree.ElementTree as ET
suite = ET.Element("testsuite", name="tool")
for case in sys.argv[2:]:
    name, status, seconds, output = case.split("|", 3)
    element = ET.SubElement(suite, "testcase", classname="tool", name=name, time=seconds)
    if status != "0":
        ET.SubElement(element, "failure", message=f"exit {status}").text = base64.b64decode(output).decode(errors="replace")
suite.set("tests", str(len(sys.argv) - 2))
suite.set("failures", str(sum(1 for c in sys.argv[2:] if c.split("|")[1] != "0")))
ET.ElementTree(ET.Element("testsuites")).getroot().append(suite)
ET.ElementTree(suite).write(sys.argv[1], encoding="unicode")
PY
[ "${#cases[@]}" -eq 6 ] && ! grep -q '<failure' "$results"

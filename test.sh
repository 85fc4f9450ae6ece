#!/usr/bin/env bash
# Runs every test of Sith Synth from a fresh machine: the .NET build with warnings as errors, all xunit tests
# (which use the committed models, run Durable orchestrations on the real engine, store and sign artifacts in
# Azurite and compile the Bicep templates), the web client's unit and browser tests (web/test.sh), the packed
# sithsynth tool installed and run from an empty folder (scripts/tool-test.sh), actionlint over
# the workflows, and a tiny
# end-to-end training run whose exported ONNX models are checked from C# so the training path cannot rot.
set -euo pipefail
cd "$(dirname "$0")"

echo "== Azurite (the Blob Storage emulator the pipeline tests run against)"
tests/Pipeline.Tests/install-azurite.sh

echo "== Verovio and MuseScore 3 (independent readers the engraving tests check our MusicXML with)"
tests/Domain.Tests/Rendering/Readers/install-verovio.sh
tests/Domain.Tests/Rendering/Readers/install-musescore.sh

echo "== build"
dotnet build SithSynth.Functions.sln -c Release -warnaserror -nologo -v quiet

echo "== .NET tests"
rm -rf TestResults
dotnet test SithSynth.Functions.sln -c Release --no-build -nologo -v quiet --logger "console;verbosity=minimal" \
  --logger trx --results-directory TestResults

echo "== web client (unit tests, then Chromium against sithsynth serve from the Release build above)"
web/test.sh

echo "== the sithsynth tool (packed with its models and web client, installed into a temporary tool path, run from an empty folder)"
scripts/tool-test.sh

echo "== workflows (actionlint)"
infra/lint-workflows.sh

echo "== training smoke test (a few steps per architecture, ONNX export, parity checked by ONNX Runtime from C#)"
training/install.sh
training/smoke.sh dotnet src/Cli/bin/Release/net10.0/sithsynth.dll check-model

# One closing line over every .NET test run and the web client's and the tool's JUnit reports, in the plain form CI reads.
python3 - <<'PY'
import glob, xml.etree.ElementTree as ET
ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
totals = [0, 0, 0]
for trx in glob.glob("TestResults/*.trx"):
    c = ET.parse(trx).getroot().find(f"{ns}ResultSummary/{ns}Counters")
    totals = [totals[0] + int(c.get("passed")), totals[1] + int(c.get("failed")), totals[2] + int(c.get("notExecuted"))]
for junit in glob.glob("TestResults/web-*.xml") + glob.glob("TestResults/tool.xml"):
    for case in ET.parse(junit).getroot().iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            totals[1] += 1
        elif case.find("skipped") is not None:
            totals[2] += 1
        else:
            totals[0] += 1
print(f"{totals[0]} passed, {totals[1]} failed, {totals[2]} skipped")
PY

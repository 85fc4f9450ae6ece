#!/usr/bin/env bash
# Runs every test of Sith Synth from a fresh machine: the .NET build with warnings as errors, all xunit tests
# (which use the committed models), and a tiny end-to-end training run whose exported ONNX models are checked
# from C# so the training path cannot silently rot.
set -euo pipefail
cd "$(dirname "$0")"

echo "== build"
dotnet build SithSynth.Functions.sln -c Release -warnaserror -nologo -v quiet

echo "== .NET tests"
dotnet test SithSynth.Functions.sln -c Release --no-build -nologo -v quiet --logger "console;verbosity=minimal"

echo "== training smoke test (a few steps per architecture, ONNX export, parity checked by ONNX Runtime from C#)"
training/install.sh
training/smoke.sh dotnet src/Cli/bin/Release/net10.0/sithsynth.dll check-model

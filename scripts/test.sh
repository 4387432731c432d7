#!/usr/bin/env bash
# The one command that sets this machine up and runs every test.
# It installs what TorchSharp needs (see install-prerequisites.sh), then runs the test suite; tests
# that need the real MNIST files fetch them through GanKit.Mnist's own loader on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-prerequisites.sh --yes

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test GanKit.sln -c Release "$@" 2>&1 | tee "$log" || status=$?

# One closing line over all test assemblies, so a reader need not add up each project's counts.
awk '/(Passed|Failed)! +- +Failed: /{
       for (i = 1; i <= NF; i++) {
         v = $(i + 1); gsub(/,/, "", v)
         if ($i == "Failed:") f += v; else if ($i == "Passed:") p += v; else if ($i == "Skipped:") s += v
       }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"

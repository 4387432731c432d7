#!/usr/bin/env bash
# Runs the benchmarks' --quick mode (about a minute) and checks that every suite ran and reported:
# the exit code, the closing line with both ratios, the markdown and JSON files, both ratios (against
# the loop on GanKit's modules and the loop on TorchSharp's stock ones) for each of the four training
# cases, a row of the per-layer table for every preset convolution, the image-folder rows, and a
# constant live-tensor count over the memory run (a leak shows there at once).
# The quick ratios themselves are indicative only (3 short rounds at batch 64) and are not judged;
# the full run's are the ones the README quotes.
#
# Usage: bash scripts/benchmark-smoke.sh
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/gankit-benchmark-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT

fail() { echo "benchmark-smoke: FAIL: $*" >&2; exit 1; }

start=$(date +%s)
if ! dotnet run -c Release --project "$repo/benchmarks/GanKit.Benchmarks" -- --quick --output "$work/results.json" >"$work/log" 2>&1; then
  tail -n 30 "$work/log" >&2
  fail "the quick benchmark run exited with an error (log above)"
fi
seconds=$(( $(date +%s) - start ))

last=$(tail -n 1 "$work/log")
[[ "$last" =~ ^trainer/hand-written\ throughput\ ratio:\ [0-9]+\.[0-9]{2}\ \(GanKit\ modules\),\ [0-9]+\.[0-9]{2}\ \(stock\ modules\)$ ]] \
  || fail "the last line is '$last', not 'trainer/hand-written throughput ratio: x.xx (GanKit modules), y.yy (stock modules)'"
[ -s "$work/results.json" ] || fail "no results.json written"
[ -s "$work/results.md" ] || fail "no results.md written"
for case in original/simultaneous original/alternating modified/simultaneous modified/alternating; do
  grep -q "^| $case | [0-9.]* | [0-9.]* |$" "$work/results.md" || fail "no trainer/hand-written ratios (GanKit and stock modules) for $case in results.md"
done
layer_rows=$(grep -c '^| [GD] Conv' "$work/results.md" || true)
[ "$layer_rows" -eq 9 ] || fail "the per-layer table has $layer_rows rows, not one for each of the 9 preset convolutions as their networks run them"
grep -qF '| conditional | original / step cost ratio' "$work/results.md" || fail "no conditional step cost ratio in results.md"
for row in 'decode, 1 thread(s)' 'streamed / in-memory step speed' 'streamed epoch, folder 10x the limit'; do
  grep -qF "| image-folder | $row" "$work/results.md" || fail "no image-folder row '$row' in results.md"
done
grep -q '^- PASS live tensors constant' "$work/results.md" \
  || fail "the live tensor count changed during the memory run: $(grep 'live tensors constant' "$work/results.md" || echo 'no memory check reported')"

echo "benchmark-smoke: PASS in ${seconds} s (${last#trainer/hand-written throughput }; quick settings, indicative only)"

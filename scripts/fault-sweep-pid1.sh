#!/usr/bin/env bash
# A restarted container's sweep worker is PID 1 again, like the one that died, on the same host
# name. It must see its predecessor's claim as dead (same id, later start time) and resume the
# run at once, not wait out the lease. Both workers run as PID 1 of their own PID namespace
# (`unshare --pid`), the first killed with SIGKILL mid-run; the second has a one-hour lease, so
# only the start-time comparison lets it finish within the time limit.
#
# Usage: scripts/fault-sweep-pid1.sh
# Exit status: 0 when the check passed (or PID namespaces are not available here, which it says),
# 1 on a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

if ! unshare --pid --fork --mount-proc true 2>/dev/null; then
  step "SKIP: this machine cannot create PID namespaces (unshare --pid needs root or user namespaces)"
  exit 0
fi

step "building the test worker"
dotnet build tests/GanKit.SweepWorker/GanKit.SweepWorker.csproj -c Release --nologo -v q >/dev/null
worker=tests/GanKit.SweepWorker/bin/Release/net10.0/GanKit.SweepWorker.dll
work=$(mktemp -d)
first=""
cleanup() {
  if [[ -n "$first" ]]; then kill -9 "$first" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

step "first worker, PID 1 of its namespace, hangs in run 1"
unshare --pid --fork --mount-proc --kill-child dotnet "$worker" "$work" --seeds 3 --sleep-ms 10 --hang 1 >"$work/first.log" 2>&1 &
first=$!
for _ in $(seq 300); do
  compgen -G "$work/runs/run-0001-*/checkpoint.txt" >/dev/null && break
  sleep 0.1
done
run=$(compgen -G "$work/runs/run-0001-*" | head -1) || fail "run 1 never started"
grep -q '"pid": 1,' "$run/claim-0001.json" || fail "the first worker was not PID 1: $(cat "$run/claim-0001.json")"
{ kill -9 "$first"; wait "$first" || true; } 2>/dev/null
first=""

step "second worker, PID 1 again, with a one-hour lease"
start=$SECONDS
timeout --signal=KILL 90 unshare --pid --fork --mount-proc --kill-child dotnet "$worker" "$work" --sleep-ms 10 --lease-ms 3600000 >"$work/second.log" 2>&1 \
  || fail "the second worker did not finish within 90 s (it waited for the dead worker's lease?): $(cat "$work/second.log")"
[[ -f "$run/summary.json" ]] || fail "run 1 has no summary"
[[ -f "$run/claim-0002.json" ]] || fail "run 1 was not taken over"
grep -q '"resumed":true' "$run/summary.json" || fail "run 1 was not resumed from the first worker's checkpoint"
step "PASS: the restarted PID 1 took its predecessor's run over and finished the sweep in $((SECONDS - start)) s"

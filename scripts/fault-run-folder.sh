#!/usr/bin/env bash
# Attacks one run folder the way a cluster or a careless user would, with the built Dcgan sample:
# two trainers on one folder (fresh and --resume), stale and live lock records (PID 1 of a
# container), resumes with changed options, a failed resume, a checkpoint that passes its hashes
# but will not load, a stray folder, SIGTERM and an epoch-1 divergence. Each case checks the exit
# code, the message and that the folder's record (run.json, options.json, checkpoints) still tells
# the truth.
#
# Usage: scripts/fault-run-folder.sh [--data MNIST_FOLDER]
# Exit status: 0 when every case behaved, 1 otherwise, 2 for a bad command line.
# Needs: dotnet, python3, and MNIST (downloaded by the sample when --data is not given).
set -euo pipefail
cd "$(dirname "$0")/.."

data=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data) data=(--data "$2"); shift 2 ;;
    *) echo "usage: $0 [--data MNIST_FOLDER]" >&2; exit 2 ;;
  esac
done
command -v python3 >/dev/null || { echo "python3 is needed to read and edit run folders" >&2; exit 1; }

# GANKIT_SAMPLE_DLL runs the cases against another build (an older release, say).
dll=${GANKIT_SAMPLE_DLL:-samples/GanKit.Samples.Dcgan/bin/Release/net10.0/GanKit.Samples.Dcgan.dll}
if [[ ! -f "$dll" ]]; then
  dotnet build -c Release samples/GanKit.Samples.Dcgan -v q --nologo >/dev/null
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/gankit-runfolder.XXXXXX")
pids=()
cleanup() { for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
tiny=(--max-batches 2 --batch-size 16 --eval-samples 32 "${data[@]}")
cases=0 failures=0
sample() { GANKIT_TRACE=0 timeout 300 dotnet "$dll" "$@" </dev/null; }
# In the background, as the process itself (so $! is the trainer's PID, the one it records).
sample_bg() { ( exec env GANKIT_TRACE=0 dotnet "$dll" "$@" </dev/null ) & }
ok() { cases=$((cases + 1)); echo "ok   $1"; }
bad() { cases=$((cases + 1)); failures=$((failures + 1)); echo "FAIL $1"; [[ -f ${2:-} ]] && sed 's/^/     | /' "$2" | tail -n 6; return 0; }
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d$2)" "$1"; }
newest() { ls -d "$1"/checkpoints/epoch-* 2>/dev/null | sort | tail -n 1; }
sha() { sha256sum "$1" | cut -c1-64; }

# Waits (at most 120 s) until run folder $1 has a checkpoint, so a trainer is past its start-up.
wait_for_checkpoint() {
  for _ in $(seq 1 1200); do [[ -n $(newest "$1") ]] && return 0; sleep 0.1; done
  return 1
}

echo "== two writers on one folder"
sample_bg train --seed 1 --epochs 8 "${tiny[@]}" --out "$work/two" >"$work/first.log" 2>&1
first=$!; pids+=("$first")
wait_for_checkpoint "$work/two" || true
start=$(date +%s)
status=0; sample train --seed 2 --epochs 6 "${tiny[@]}" --out "$work/two" >"$work/second.log" 2>&1 || status=$?
took=$(( $(date +%s) - start ))
if [[ $status -ne 0 && $took -lt 60 ]] && grep -q "in use by process $first " "$work/second.log"; then
  ok "a second trainer fails at once (exit $status, ${took}s) naming the first: $(grep -o 'in use by process [0-9]* on [^ ]*' "$work/second.log")"
else
  bad "second trainer on a busy folder: exit $status after ${took}s" "$work/second.log"
fi
status=0; sample train --seed 1 --epochs 8 "${tiny[@]}" --out "$work/two" --resume >"$work/second-resume.log" 2>&1 || status=$?
if [[ $status -ne 0 ]] && grep -q "in use by process $first " "$work/second-resume.log"; then
  ok "a --resume on a busy folder fails naming the holder (exit $status)"
else
  bad "--resume on a busy folder: exit $status" "$work/second-resume.log"
fi
status=0; wait "$first" || status=$?
seed=$(json "$work/two/run.json" "['seed']" 2>/dev/null || echo none)
summary_seed=$(json "$work/two/summary.json" "['seed']" 2>/dev/null || echo none)
options_seed=$(json "$(newest "$work/two")/options.json" "['Seed']" 2>/dev/null || echo none)
if [[ $status -eq 0 && $seed == 1 && $summary_seed == 1 && $options_seed == 1 ]]; then
  ok "the first trainer finished undisturbed; run.json, summary.json and the checkpoint all say seed 1"
else
  bad "first trainer: exit $status, run.json seed $seed, summary seed $summary_seed, checkpoint seed $options_seed" "$work/first.log"
fi

echo "== two --resume runs at once"
sample_bg train --seed 1 --epochs 10 "${tiny[@]}" --out "$work/two" --resume >"$work/resume-a.log" 2>&1
a=$!; pids+=("$a")
sample_bg train --seed 1 --epochs 10 "${tiny[@]}" --out "$work/two" --resume >"$work/resume-b.log" 2>&1
b=$!; pids+=("$b")
sa=0; wait "$a" || sa=$?
sb=0; wait "$b" || sb=$?
if [[ $(( (sa == 0) + (sb == 0) )) -eq 1 ]] && grep -qE "in use by process ($a|$b) " "$work/resume-a.log" "$work/resume-b.log" \
   && [[ $(json "$(newest "$work/two")/manifest.json" "['epoch']") == 10 ]]; then
  ok "of two simultaneous resumes one ran to epoch 10 and the other was refused (exits $sa, $sb)"
else
  bad "two simultaneous resumes: exits $sa and $sb" "$work/resume-b.log"
fi

echo "== lock records left behind"
folder="$work/two"
host=$(python3 -c "import socket; print(socket.gethostname())")
pid1_start=$(python3 -c "print(open('/proc/1/stat').read().rsplit(')',1)[1].split()[19])")
record() { printf '{"host":"%s","processId":%s,"startTime":%s,"acquiredAt":"2026-01-01T00:00:00+00:00"}' "$host" "$1" "$2" >"$folder/.gankit-run-owner.json"; }
record 1 $((pid1_start + 1))
status=0; sample train --seed 1 --epochs 11 "${tiny[@]}" --out "$folder" --resume >"$work/stale.log" 2>&1 || status=$?
[[ $status -eq 0 ]] && ok "a record of PID 1 with another start time (a restarted container's dead predecessor) is stale: resumed" \
  || bad "stale PID-1 record: exit $status" "$work/stale.log"
record 1 "$pid1_start"
status=0; sample train --seed 1 --epochs 12 "${tiny[@]}" --out "$folder" --resume >"$work/live.log" 2>&1 || status=$?
[[ $status -ne 0 ]] && grep -q "in use by process 1 " "$work/live.log" \
  && ok "a record of a live PID 1 with its own start time is honoured even without the system lock (exit $status)" \
  || bad "live PID-1 record: exit $status" "$work/live.log"
rm -f "$folder/.gankit-run-owner.json"

echo "== resume with changed options"
before_run=$(sha "$folder/run.json"); before_options=$(sha "$(newest "$folder")/options.json")
status=0; sample train --seed 1 --epochs 11 "${tiny[@]}" --out "$folder" --resume --lr 1000 >"$work/lr.log" 2>&1 || status=$?
if [[ $status -eq 2 ]] && grep -q -- "--lr 0.0001 in the checkpoint, 1000 now" "$work/lr.log" \
   && [[ $(sha "$folder/run.json") == "$before_run" && $(sha "$(newest "$folder")/options.json") == "$before_options" ]]; then
  ok "--resume --lr 1000 is refused with exit 2 and nothing is rewritten: $(grep -o 'error: .\{0,90\}' "$work/lr.log")"
else
  bad "--resume --lr 1000: exit $status" "$work/lr.log"
fi
status=0; sample train --seed 3 --epochs 11 --max-batches 2 --batch-size 8 --eval-samples 32 "${data[@]}" --out "$folder" --resume >"$work/two-options.log" 2>&1 || status=$?
if [[ $status -eq 2 ]] && grep -q -- "--seed 1 in the checkpoint, 3 now" "$work/two-options.log" && grep -q -- "--batch-size 16 in the checkpoint, 8 now" "$work/two-options.log"; then
  ok "each differing option is listed (--seed and --batch-size)"
else
  bad "--resume --seed 3 --batch-size 8: exit $status" "$work/two-options.log"
fi
status=0; sample train --seed 1 --epochs 12 "${tiny[@]}" --out "$folder" --resume >"$work/more.log" 2>&1 || status=$?
if [[ $status -eq 0 && $(json "$folder/run.json" "['epochs']") == 12 && $(json "$(newest "$folder")/options.json" "['Epochs']") == 12 \
      && $(json "$(newest "$folder")/manifest.json" "['epoch']") == 12 ]]; then
  ok "more epochs on resume are applied and recorded (run.json, options.json, newest checkpoint: 12)"
else
  bad "--resume --epochs 12: exit $status" "$work/more.log"
fi

echo "== a failed resume leaves the run's record alone"
mv "$folder/run.json" "$work/run.json.saved"
status=0; sample train --arch modified --seed 1 --epochs 12 "${tiny[@]}" --out "$folder" --resume >"$work/arch.log" 2>&1 || status=$?
if [[ $status -ne 0 && ! -f $folder/run.json ]] && grep -q "generator.bin' cannot be loaded" "$work/arch.log"; then
  ok "an original run resumed as modified fails naming the file (exit $status) and writes no run.json"
else
  bad "resume with the other architecture: exit $status, run.json $([[ -f $folder/run.json ]] && json "$folder/run.json" "['arch']" || echo absent)" "$work/arch.log"
fi
mv "$work/run.json.saved" "$folder/run.json"

echo "== a checkpoint that passes its hashes but does not load"
victim=$(newest "$folder")
python3 - "$victim" <<'PY'
import hashlib, json, os, sys
folder = sys.argv[1]
# A random-number state of the wrong size: libtorch aborts the process on it.
with open(os.path.join(folder, "rng.bin"), "wb") as f:
    f.write(bytes([0, 1, 16]) + bytes(16))
manifest_path = os.path.join(folder, "manifest.json")
manifest = json.load(open(manifest_path))
manifest["files"]["rng.bin"] = hashlib.sha256(open(os.path.join(folder, "rng.bin"), "rb").read()).hexdigest()
json.dump(manifest, open(manifest_path, "w"), indent=2)
PY
status=0; sample train --seed 1 --epochs 12 "${tiny[@]}" --out "$folder" --resume >"$work/rng.log" 2>&1 || status=$?
if [[ $status -eq 0 ]] && grep -q "$(basename "$victim").*rng.bin" "$work/rng.log" && [[ $(json "$(newest "$folder")/manifest.json" "['epoch']") == 12 ]]; then
  ok "an rng.bin of the wrong size is named, skipped, and the previous checkpoint resumed to epoch 12"
else
  bad "wrong-size rng.bin: exit $status" "$work/rng.log"
fi

echo "== a stray folder among the checkpoints"
mkdir "$folder/checkpoints/epoch-99999999999-step-00000001"
status=0; sample generate --checkpoint "$folder" --count 4 --out "$work/grid.png" >"$work/stray.log" 2>&1 || status=$?
status2=0; sample train --seed 1 --epochs 12 "${tiny[@]}" --out "$folder" --resume >"$work/stray-resume.log" 2>&1 || status2=$?
if [[ $status -eq 0 && $status2 -eq 0 ]] && grep -q "epoch-99999999999-step-00000001" "$work/stray.log"; then
  ok "generate and --resume ignore epoch-99999999999-step-00000001 with a warning"
else
  bad "stray folder: generate exit $status, resume exit $status2" "$work/stray.log"
fi
rm -rf "$folder/checkpoints/epoch-99999999999-step-00000001"

echo "== SIGTERM"
sample_bg train --seed 4 --epochs 400 --max-batches 3 --batch-size 16 --eval-samples 32 "${data[@]}" --out "$work/term" >"$work/term.log" 2>&1
term=$!; pids+=("$term")
wait_for_checkpoint "$work/term" || true
sleep 1
kill -TERM "$term" 2>/dev/null || true
status=0; wait "$term" || status=$?
state=$(newest "$work/term")
if [[ $status -eq 143 ]] && grep -q "a checkpoint was written" "$work/term.log" && [[ -f $state/manifest.json ]] \
   && [[ $(json "$state/manifest.json" "['step']") -gt 3 ]] && ! grep -q "Unhandled" "$work/term.log"; then
  ok "SIGTERM stops train with exit 143 after writing a checkpoint ($(basename "$state"))"
else
  bad "SIGTERM: exit $status, newest checkpoint ${state:-none}" "$work/term.log"
fi

echo "== divergence in the first epoch"
status=0; sample train --seed 1 --epochs 1 --max-batches 2 --batch-size 16 --lr 1e30 --eval-samples 32 "${data[@]}" --out "$work/diverge" >"$work/diverge.log" 2>&1 || status=$?
if [[ $status -eq 1 ]] && grep -q "No checkpoint was written before it" "$work/diverge.log" && [[ -z $(newest "$work/diverge") ]]; then
  ok "an epoch-1 divergence says no checkpoint exists instead of pointing at one"
else
  bad "epoch-1 divergence: exit $status" "$work/diverge.log"
fi

echo
echo "run-folder cases: $cases, behaved: $((cases - failures)), failures: $failures"
[[ $failures -eq 0 ]]

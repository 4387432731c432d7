#!/usr/bin/env bash
# Kills the Dcgan sample's `train` with SIGKILL at random moments and resumes it, many times over,
# on a tiny configuration. After every kill it re-hashes every checkpoint against its manifest (an
# independent check, not the library's own verifier) and checks that no checkpoint written before
# the kill was lost. Every run that completes must end with weights bit-identical to an
# uninterrupted reference run, which proves that at most the work since the last checkpoint was
# redone and nothing was skipped or repeated. Then a completed run's newest checkpoint is damaged
# three ways (flipped byte, truncated file, missing file): `--resume` must skip it and again end
# bit-identical to the reference.
#
# Usage: scripts/fault-kill-resume.sh [--kills N] [--data MNIST_FOLDER] [--seed S]
# Exit status: 0 when every check passed, 1 on any failure, 2 for a bad command line.
# Needs: dotnet, python3 (hashing and JSON), and MNIST (downloaded by the sample when --data is empty).
set -euo pipefail
cd "$(dirname "$0")/.."

kills_wanted=10
data=""
seed=$RANDOM
while [[ $# -gt 0 ]]; do
  case "$1" in
    --kills) kills_wanted="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    *) echo "usage: $0 [--kills N] [--data MNIST_FOLDER] [--seed S]" >&2; exit 2 ;;
  esac
done
[[ "$kills_wanted" =~ ^[1-9][0-9]*$ ]] || { echo "--kills must be a positive whole number; got '$kills_wanted'" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is needed to hash checkpoints" >&2; exit 1; }

dll=samples/GanKit.Samples.Dcgan/bin/Release/net10.0/GanKit.Samples.Dcgan.dll
if [[ ! -f "$dll" ]]; then
  dotnet build -c Release samples/GanKit.Samples.Dcgan -v q --nologo >/dev/null
fi

epochs=3
work=$(mktemp -d "${TMPDIR:-/tmp}/gankit-fault.XXXXXX")
trap 'rm -rf "$work"' EXIT
RANDOM=$seed
train_args=(train --arch original --seed 7 --epochs "$epochs" --max-batches 2 --batch-size 8 --eval-samples 32)
[[ -n "$data" ]] && train_args+=(--data "$data")

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# Prints "<valid> <newest epoch> <newest step> <temporaries> <generator sha>" for a run folder,
# or "CORRUPT <folder>: <reason>" (exit 1) when any non-temporary checkpoint disagrees with its manifest.
verify() {
  python3 - "$1/checkpoints" <<'PY'
import hashlib, json, os, sys
root = sys.argv[1]
valid, temporaries, newest = 0, 0, (0, 0, "")
if os.path.isdir(root):
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        if name.startswith(".tmp-"):
            temporaries += 1
            continue
        try:
            with open(os.path.join(folder, "manifest.json")) as f:
                manifest = json.load(f)
            files = manifest["files"]
            present = set(os.listdir(folder)) - {"manifest.json"}
            if present != set(files):
                raise ValueError(f"files {sorted(present)} but manifest lists {sorted(files)}")
            for file, expected in files.items():
                with open(os.path.join(folder, file), "rb") as f:
                    actual = hashlib.sha256(f.read()).hexdigest()
                if actual.lower() != expected.lower():
                    raise ValueError(f"{file} hashes to {actual}, manifest says {expected}")
        except Exception as e:
            print(f"CORRUPT {name}: {e}")
            sys.exit(1)
        valid += 1
        key = (manifest["epoch"], manifest["step"])
        if key > newest[:2]:
            with open(os.path.join(folder, "generator.bin"), "rb") as f:
                newest = (key[0], key[1], hashlib.sha256(f.read()).hexdigest())
print(valid, newest[0], newest[1], temporaries, newest[2] or "-")
PY
}

# Runs train (fresh or --resume) to the end; returns its exit status. A non-zero status after the
# training outputs were written is an evaluation error, reported separately by the caller.
run_to_end() {
  local folder=$1 log=$2; shift 2
  dotnet "$dll" "${train_args[@]}" --out "$folder" "$@" >"$log" 2>&1
}

evaluation_errors=0
check_complete() {
  local folder=$1 status=$2 log=$3 what=$4
  if [[ $status -ne 0 ]]; then
    if grep -q "^Wrote samples" "$log"; then
      evaluation_errors=$((evaluation_errors + 1))
      echo "  note: $what: training finished but the sample's evaluation step failed: $(tail -n 1 "$log")"
    else
      fail "$what exited with $status: $(tail -n 3 "$log" | tr '\n' ' ')"
      return
    fi
  fi
  local state
  state=$(verify "$folder") || { fail "$what: $state"; return; }
  read -r _ epoch _ _ sha <<<"$state"
  [[ $epoch -eq $epochs ]] || fail "$what: newest checkpoint is epoch $epoch, expected $epochs"
  [[ $sha == "$reference_sha" ]] || fail "$what: final generator weights differ from the uninterrupted run"
  local rows
  rows=$(python3 -c "import json,sys; print(','.join(str(r['epoch']) for r in json.load(open(sys.argv[1]))))" "$folder/history.json" 2>/dev/null || echo "unreadable")
  [[ $rows == "$(seq -s, 1 "$epochs")" ]] || fail "$what: history.json epochs are '$rows', expected $(seq -s, 1 "$epochs")"
}

echo "reference run (uninterrupted), seed $seed for the kill times..."
start=$(date +%s.%N)
status=0
run_to_end "$work/reference" "$work/reference.log" || status=$?
reference_seconds=$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$start" "$(date +%s.%N)")
# Kills are aimed at training, not at the evaluation after it: the window ends a little after the
# moment the reference run's last checkpoint was written.
training_seconds=$(python3 -c "import glob,os,sys; print(max(os.path.getmtime(d) for d in glob.glob(sys.argv[2] + '/checkpoints/epoch-*')) - float(sys.argv[1]))" "$start" "$work/reference")
state=$(verify "$work/reference") || { echo "FAIL: reference run: $state" >&2; exit 1; }
read -r _ _ _ _ reference_sha <<<"$state"
if [[ $status -ne 0 ]] && ! grep -q "^Wrote samples" "$work/reference.log"; then
  echo "FAIL: the reference run exited with $status:" >&2; tail -n 5 "$work/reference.log" >&2; exit 1
fi
check_complete "$work/reference" "$status" "$work/reference.log" "reference run"
printf 'reference run: %.1f s (last checkpoint after %.1f s), final generator sha256 %s\n' "$reference_seconds" "$training_seconds" "${reference_sha:0:16}"

trials=0 kills=0 survived=0 completed=0 temporaries=0 campaign=1 newest_step=0
folder="$work/run-$campaign"
while [[ $kills -lt $kills_wanted ]]; do
  trials=$((trials + 1))
  resume=()
  state=$(verify "$folder") || { fail "trial $trials: before start: $state"; break; }
  read -r valid _ _ _ _ <<<"$state"
  [[ $valid -gt 0 ]] && resume=(--resume)
  # Anywhere from process start to a little after the reference run's last checkpoint.
  delay=$(python3 -c "import random,sys; random.seed(int(sys.argv[1])); print(round(random.uniform(0.5, 1.1 * float(sys.argv[2])), 2))" "$((seed * 1000 + trials))" "$training_seconds")
  log="$work/trial-$trials.log"
  dotnet "$dll" "${train_args[@]}" --out "$folder" "${resume[@]}" >"$log" 2>&1 &
  pid=$!
  sleep "$delay"
  if kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    kills=$((kills + 1))
    state=$(verify "$folder") || { fail "trial $trials (killed at ${delay}s): $state"; continue; }
    read -r valid _ step temps _ <<<"$state"
    temporaries=$((temporaries + temps))
    if [[ $step -lt $newest_step ]]; then
      fail "trial $trials: newest checkpoint went back from step $newest_step to $step"
    else
      survived=$((survived + 1))
    fi
    newest_step=$step
    echo "trial $trials: killed at ${delay}s${resume:+ (resumed run)}; $valid valid checkpoints, newest at step $step, $temps temporary folders"
  else
    status=0
    wait "$pid" || status=$?
    completed=$((completed + 1))
    check_complete "$folder" "$status" "$log" "trial $trials (completed before the kill at ${delay}s)"
    echo "trial $trials: run $campaign completed before the kill at ${delay}s; final weights checked against the reference"
    campaign=$((campaign + 1))
    folder="$work/run-$campaign"
    newest_step=0
  fi
done

# Finish the last campaign without kills: the resumed run must end where the reference ended.
state=$(verify "$folder") || fail "final resume: $state"
read -r valid _ _ _ _ <<<"$state"
resume=()
[[ $valid -gt 0 ]] && resume=(--resume)
status=0
run_to_end "$folder" "$work/final.log" "${resume[@]}" || status=$?
check_complete "$folder" "$status" "$work/final.log" "final resume of run $campaign"
completed=$((completed + 1))
echo "run $campaign resumed to the end; final weights checked against the reference"

# Damage the newest checkpoint of a completed run three ways; each resume must skip it.
rejected=0
for damage in flip truncate missing; do
  victim=$(ls -d "$folder"/checkpoints/epoch-* | sort | tail -n 1)
  target="$victim/generator.bin"
  case $damage in
    flip) python3 -c "import sys; p=sys.argv[1]; b=bytearray(open(p,'rb').read()); b[len(b)//2]^=0x01; open(p,'wb').write(b)" "$target" ;;
    truncate) python3 -c "import os,sys; p=sys.argv[1]; os.truncate(p, os.path.getsize(p)-1)" "$target" ;;
    missing) rm "$target" ;;
  esac
  if verify "$folder" >/dev/null; then
    fail "$damage: the independent check did not notice the damage"
  fi
  before=$failures
  status=0
  run_to_end "$folder" "$work/$damage.log" --resume || status=$?
  check_complete "$folder" "$status" "$work/$damage.log" "resume after a $damage in $(basename "$victim")"
  [[ $failures -eq $before ]] || continue
  rejected=$((rejected + 1))
  echo "$damage: $(basename "$victim")/generator.bin damaged; --resume skipped it and ended bit-identical to the reference"
done

echo
echo "trials: $trials, kills: $kills, kills survived: $survived, runs completed: $completed, temporary folders left by kills: $temporaries (never chosen), damaged checkpoints rejected: $rejected of 3, evaluation errors after training: $evaluation_errors, failures: $failures"
[[ $failures -eq 0 ]]

#!/usr/bin/env bash
# Runs deploy/slurm/sweep.sbatch on a real single-node Slurm started on this machine (as root):
#   1. a task on a node without readable MNIST fails, and claims no run;
#   2. the array runs every run of a small sweep exactly once, and report.sbatch reports them all;
#   3. in a second sweep one task is cancelled mid-run and another gets the time-limit signal
#      (it requeues itself); resubmitting the same command finishes every run exactly once.
# The daemons are stopped by their process ids on every way out.
# Usage: scripts/slurm-ci.sh   (GANKIT_APP=<published app> skips the publish step)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
begin=$SECONDS

say() { echo "slurm-ci [$((SECONDS - begin)) s]: $*"; }
fail() {
  echo "slurm-ci: FAIL: $*" >&2
  exit 1
}

[[ $(id -u) -eq 0 ]] || fail "run as root: it installs Slurm and starts its daemons"

# --- Install: the four packages, not the slurm-wlm metapackage (which pulls in about 45 more).
packages=(munge slurmctld slurmd slurm-client)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- One work folder for state, spool, logs and PID files, owned by slurm; mktemp makes it 700.
work=$(mktemp -d /tmp/gankit-slurm.XXXXXX)
mkdir -p "$work/state" "$work/spool" "$work/log" "$work/jobs"
chown -R slurm:slurm "$work"
chmod 755 "$work"
export SLURM_CONF="$work/slurm.conf"

daemons=()
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -e $SLURM_CONF ]] && ((${#daemons[@]} > 1)); then
    # With proctrack/linuxproc the jobs outlive slurmd: cancel them and give them a moment first.
    scancel --quiet --user=root 2>/dev/null || true
    for _ in $(seq 1 20); do
      [[ -z $(squeue -h -o %i 2>/dev/null) ]] && break
      sleep 0.5
    done
  fi
  for ((i = ${#daemons[@]} - 1; i >= 0; i--)); do
    kill "${daemons[i]}" 2>/dev/null || true
  done
  for ((i = ${#daemons[@]} - 1; i >= 0; i--)); do
    wait "${daemons[i]}" 2>/dev/null || true
  done
  if ((status != 0)); then
    for log in "$work"/log/*.log "$work"/jobs/*.out; do
      [[ -s $log ]] || continue
      echo "--- last lines of $log" >&2
      tail -n 25 "$log" >&2
    done
    echo "slurm-ci: work folder kept for a look: $work" >&2
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start() { # name, command...: starts a daemon in the foreground of a background job and remembers its pid.
  local name=$1
  shift
  "$@" >"$work/log/$name.out" 2>&1 &
  daemons+=($!)
}

# --- munge: reuse a running one, else start one as the munge user.
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  install -d -o munge -g munge -m 755 /run/munge
  start munged setpriv --reuid=munge --regid=munge --init-groups munged --foreground
  for _ in $(seq 1 50); do
    munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break
    sleep 0.1
  done
  munge -n | unmunge >/dev/null || fail "munged did not start"
fi

# --- Slurm: this machine as its only node; its address fixed so a changing host name cannot bite.
host=$(hostname -s)
node=$(slurmd -C | head -n 1)
cat >"$SLURM_CONF" <<EOF
ClusterName=gankit-ci
SlurmctldHost=$host(127.0.0.1)
SlurmUser=slurm
AuthType=auth/munge
CredType=cred/munge
# A requeued job waits out the credential lifetime before it may start again (default 120 s).
AuthInfo=cred_expire=10
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
# proctrack/cgroup without a cgroup.conf fails every launch while srun still exits 0.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/affinity
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
# Finished jobs stay visible to scontrol (there is no slurmdbd here for sacct).
MinJobAge=3600
KillWait=15
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=ci Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
chown slurm:slurm "$SLURM_CONF"
start slurmctld slurmctld -D
start slurmd slurmd -D
for _ in $(seq 1 60); do
  [[ $(sinfo -h -o %T 2>/dev/null) == idle ]] && break
  sleep 0.5
done
[[ $(sinfo -h -o %T) == idle ]] || fail "the node is not idle: $(sinfo -h -o '%T %E' 2>&1)"
# The exit code of srun says nothing when a launch fails; its output does.
launched=$(timeout 60 srun --time=1 hostname 2>&1 || true)
[[ $launched == "$(hostname)" ]] || fail "srun hostname printed '$launched', not '$(hostname)'"
say "Slurm $(slurmd -V | cut -d' ' -f2) up: $node"

# --- The app: the documented self-contained publish.
if [[ -z ${GANKIT_APP:-} ]]; then
  export GANKIT_APP="$work/app/GanKit.Samples.Dcgan"
  say "publishing the Dcgan sample (self-contained linux-x64)"
  dotnet publish samples/GanKit.Samples.Dcgan/GanKit.Samples.Dcgan.csproj -c Release -r linux-x64 --self-contained \
    -o "$work/app" -p:UseAppHost=true --nologo -v quiet >"$work/log/publish.log" 2>&1 || {
    tail -n 30 "$work/log/publish.log" >&2
    fail "dotnet publish failed"
  }
  say "published: $(du -sh "$work/app" | cut -f1)"
fi
[[ -x $GANKIT_APP || $GANKIT_APP == *.dll ]] || fail "GANKIT_APP=$GANKIT_APP is not an executable or a .dll"

# --- Helpers.
# Each run trains two short epochs: long enough for a signal to land in the second one.
cat >"$work/sweep.json" <<'EOF'
{
  "name": "slurm-ci",
  "architectures": ["original"],
  "seeds": [1, 2],
  "epochs": 2,
  "maxBatchesPerEpoch": 20,
  "evaluationSamples": 200,
  "fixed": { "batchSize": 64 },
  "grid": { "generatorLearningRate": [0.0002, 0.0001] }
}
EOF

submit() { # sweep folder, extra sbatch options...: prints the array job id.
  local folder=$1
  shift
  sbatch --parsable --array=0-1 --cpus-per-task=1 --mem=3G --time=10 --chdir="$work/jobs" \
    --output="$work/jobs/%x-%A_%a.out" "$@" "$repo/deploy/slurm/sweep.sbatch" "$work/sweep.json" "$folder" --lease-minutes 1 | cut -d';' -f1
}

wait_for() { # job id, seconds: polls squeue (sbatch --wait notices the end about 30 s late).
  local job=$1 limit=$2 until=$((SECONDS + $2))
  while [[ -n $(squeue -h -j "$job" -o %i 2>/dev/null) ]]; do
    ((SECONDS < until)) || fail "job $job still queued after $limit s: $(squeue -h -j "$job" -o '%i %T %r')"
    sleep 1
  done
}

task_states() { # job id: one "task state exit restarts" line per array task, from scontrol (no sacct without slurmdbd).
  scontrol -o show job "$1" | python3 -c '
import sys
for line in sys.stdin:
    f = dict(kv.split("=", 1) for kv in line.split() if "=" in kv)
    print(f.get("ArrayTaskId", "-"), f["JobState"], f["ExitCode"], f["Restarts"])' | sort -n
}

expect_states() { # job id, expected lines (task state exit restarts)
  local actual
  actual=$(task_states "$1")
  [[ $actual == "$2" ]] || fail "job $1: tasks ended as
$actual
expected
$2"
}

check_sweep() { # sweep folder, log glob: every run finished exactly once, and the report says so.
  python3 - "$1" "$2" <<'PY'
import glob, json, os, re, sys
folder, logs = sys.argv[1], sys.argv[2]
plan = json.load(open(os.path.join(folder, "plan.json")))
text = "".join(open(p, errors="replace").read() for p in sorted(glob.glob(logs)))
problems = []
for run in plan["runs"]:
    rid = run["id"]
    directory = os.path.join(folder, "runs", rid)
    claims = sorted(glob.glob(os.path.join(directory, "claim-*.json")))
    released = [json.load(open(c)).get("released") for c in claims]
    done = len(re.findall(r"^done +" + re.escape(rid) + r" ", text, re.M))
    if not os.path.exists(os.path.join(directory, "summary.json")):
        problems.append(f"{rid}: no summary.json")
    if released.count("finished") != 1 or done != 1:
        problems.append(f"{rid}: finished {done} times in the logs; claims released as {released}")
    if os.path.exists(os.path.join(directory, "failure.json")):
        problems.append(f"{rid}: failure.json present")
report = open(os.path.join(folder, "report.md")).read()
n = len(plan["runs"])
if f"{n} of {n} runs finished, 0 failed, 0 not finished" not in report:
    problems.append("report.md does not say every run finished")
json.load(open(os.path.join(folder, "report.json")))
if problems:
    sys.exit("\n".join(problems))
print(f"{n} runs, each finished exactly once; report complete")
PY
}

report() { # sweep folder, after-job id: runs report.sbatch once the array has ended, and waits.
  local job
  job=$(sbatch --parsable --dependency="afterany:$2" --chdir="$work/jobs" --output="$work/jobs/report-%j.out" \
    "$repo/deploy/slurm/report.sbatch" "$1")
  wait_for "$job" 120
  expect_states "$job" "- COMPLETED 0:0 0"
}

wait_for_file() { # glob, seconds
  local until=$((SECONDS + $2))
  until compgen -G "$1" >/dev/null; do
    ((SECONDS < until)) || fail "nothing matches $1 after $2 s"
    sleep 0.2
  done
}

# --- 1. A node without readable MNIST: the task fails and leaves no failed run behind.
bad="$work/bad-data/mnist"
mkdir -p "$bad"
python3 - "$bad" <<'PY'
import os, struct, sys
def idx(magic, *dims):
    size = 1
    for d in dims: size *= d
    return struct.pack(">I" + "I" * len(dims), magic, *dims) + bytes(size)
files = {"train-images-idx3-ubyte": idx(0x803, 8, 28, 28), "train-labels-idx1-ubyte": idx(0x801, 8),
         "t10k-images-idx3-ubyte": idx(0x803, 8, 28, 28), "t10k-labels-idx1-ubyte": idx(0x801, 8)}
for name, data in files.items():
    open(os.path.join(sys.argv[1], name), "wb").write(data)
PY
job=$(GANKIT_DATA="$work/bad-data" submit "$work/sweep-a" --job-name=nodata)
wait_for "$job" 90
expect_states "$job" "0 FAILED 1:0 0
1 FAILED 1:0 0"
grep -q "MNIST cannot be read" "$work/jobs/nodata-${job}_0.out" || fail "the failed task's log does not say why"
[[ -z $(find "$work/sweep-a" -name 'claim-*' -o -name failure.json 2>/dev/null) ]] || fail "a task without data claimed or failed a run"
say "1. without MNIST both tasks FAILED (exit 1) and no run was claimed"

# --- 2. The same folder with the data: every run, exactly once, then the report.
job=$(submit "$work/sweep-a" --job-name=sweep-a)
report "$work/sweep-a" "$job"
expect_states "$job" "0 COMPLETED 0:0 0
1 COMPLETED 0:0 0"
check_sweep "$work/sweep-a" "$work/jobs/sweep-a-*.out"
say "2. array $job: both tasks COMPLETED"

# --- 3. Interrupted mid-run: task 1 by scancel, task 0 by the time-limit signal (it requeues itself).
job=$(submit "$work/sweep-b" --job-name=sweep-b)
# Shard I's first run is run I; once its first epoch's checkpoint is there, the second epoch runs.
for task in 0 1; do
  wait_for_file "$work/sweep-b/runs/run-000$task-*/checkpoints/epoch-0001-*" 120
done
scancel --batch --signal=USR1 "${job}_0"
scancel "${job}_1"
wait_for "$job" 150
expect_states "$job" "0 COMPLETED 0:0 1
1 CANCELLED 0:15 0"
log0="$work/jobs/sweep-b-${job}_0.out"
grep -q "start 1$" "$log0" && grep -q "start 2$" "$log0" || fail "the requeued task's log was not appended to: $log0"
grep -q "requeueing this task" "$log0" || fail "task 0 did not requeue itself"
grep -qE "^resume " "$log0" || fail "the requeued task did not resume its interrupted run"
say "3. task 0 requeued itself and resumed; task 1 CANCELLED; resubmitting"
again=$(submit "$work/sweep-b" --job-name=sweep-b)
report "$work/sweep-b" "$again"
expect_states "$again" "0 COMPLETED 0:0 0
1 COMPLETED 0:0 0"
# The run task 1 was stopped in must be continued from its checkpoint, by the resubmitted task 1
# or, since an idle shard takes unclaimed runs of others, by task 0 before the resubmit.
cancelled=$(sed -n 's/^stopped  *\(run-[0-9a-f-]*\).*/\1/p' "$work/jobs/sweep-b-${job}_1.out" | head -n 1)
[ -n "$cancelled" ] || fail "the cancelled task 1 logged no stopped run: $work/jobs/sweep-b-${job}_1.out"
grep -hqE "^resume +$cancelled " "$work"/jobs/sweep-b-*.out || fail "no task resumed the cancelled run $cancelled from its checkpoint"
check_sweep "$work/sweep-b" "$work/jobs/sweep-b-*.out"
say "3. resubmitted array $again: both tasks COMPLETED"

say "passed in $((SECONDS - begin)) s"

#!/usr/bin/env bash
# One command on an offline GPU machine that has PyTorch: unpacks the bundle made by make-bundle.sh,
# reads torch, CUDA and the C++ ABI from the machine's Python, builds LibTorchSharp against that
# torch with all cores, runs a probe, then either
#   tests       the CUDA-tagged tests, the GPU benchmark against PyTorch eager, then the rest of the suites
#   experiment  compare --epochs 50 --seeds 1,2,3 --device cuda --parallel N (both architectures)
# writing logs and results into <out-dir>. A step that fails stops the run; what it logged stays.
#
# usage: run-offline.sh <bundle.tar.xz> <out-dir> [tests|experiment]
# environment:
#   PYTHON          the Python whose torch is used (default /opt/torch/.venv/bin/python3)
#   TORCH_DIR       a libtorch tree to use instead of Python's torch (the CPU rehearsal: Debian's libtorch)
#   EXTRA_LIB_PATH  more folders for LD_LIBRARY_PATH (a Debian tree's openblas, ...)
#   DEVICE          cuda (default) or cpu (the rehearsal)
#   PARALLEL        runs at once in experiment mode (default 6: one DCGAN leaves most of an H200 idle)
#   JOBS            compile jobs (default: all cores)
#   BUDGET_S        seconds the whole run may take (default 570, under the machine's 10 minutes)
# exit codes: 0 all passed, 1 a step failed (see <out-dir>), 2 bad input (one line says why)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
started=$(date +%s)
fail() { echo "run-offline: $*" >&2; exit 2; }

[[ $# -ge 2 && $# -le 3 ]] || fail "usage: run-offline.sh <bundle.tar.xz> <out-dir> [tests|experiment]"
bundle=$1 out=$2 mode=${3:-tests}
[[ $mode == tests || $mode == experiment ]] || fail "mode must be 'tests' or 'experiment'; got '$mode'"
[[ -f $bundle ]] || fail "bundle '$bundle' not found; make it with scripts/gpu/make-bundle.sh <torchsharp-src> <bundle.tar.xz>"
device=${DEVICE:-cuda}
[[ $device == cuda || $device == cpu ]] || fail "DEVICE must be 'cuda' or 'cpu'; got '$device'"
budget=${BUDGET_S:-570}
parallel=${PARALLEL:-6}
python=${PYTHON:-/opt/torch/.venv/bin/python3}

# torch, CUDA and the ABI, from the machine's Python (or from a given libtorch tree).
torch_version="" torch_cuda="" abi=""
if [[ -n ${TORCH_DIR:-} ]]; then
  [[ -d $TORCH_DIR ]] || fail "TORCH_DIR '$TORCH_DIR' does not exist; point it at a libtorch tree or unset it to use Python's torch"
  torch_dir=$(cd "$TORCH_DIR" && pwd)
else
  [[ -x $python ]] || fail "no Python at '$python'; set PYTHON to a Python that has torch, or TORCH_DIR to a libtorch tree"
  facts=$("$python" -c 'import os, torch; print(torch.__version__, torch.version.cuda or "none", int(torch._C._GLIBCXX_USE_CXX11_ABI), int(torch.cuda.is_available()), os.path.dirname(torch.__file__))' 2>/dev/null) \
    || fail "'$python' cannot import torch; install torch there or set PYTHON/TORCH_DIR"
  read -r torch_version torch_cuda abi cuda_ok torch_dir <<< "$facts"
  if [[ $device == cuda && $torch_cuda == none ]]; then
    fail "torch $torch_version at $torch_dir is a CPU build (torch.version.cuda is None); install a CUDA build of torch or run with DEVICE=cpu"
  fi
  if [[ $device == cuda && $cuda_ok != 1 ]]; then
    fail "torch $torch_version sees no GPU (torch.cuda.is_available() is False); check the driver (nvidia-smi) or run with DEVICE=cpu"
  fi
fi
lib=""
for d in "$torch_dir/lib" "$torch_dir/usr/lib/x86_64-linux-gnu"; do [[ -e $d/libtorch_cpu.so ]] && { lib=$d; break; }; done
[[ -n $lib ]] || fail "no libtorch_cpu.so under '$torch_dir' (looked in lib/ and usr/lib/x86_64-linux-gnu/); is it a torch or libtorch folder?"
if [[ $device == cuda ]]; then
  for f in libtorch_cuda.so libc10_cuda.so; do
    [[ -e $lib/$f ]] || fail "DEVICE=cuda but $lib/$f is missing; this torch has no CUDA libraries (install a CUDA build of torch)"
  done
  missing=$(ldd "$lib/libtorch_cuda.so" | awk '/not found/ { print $1 }' | tr '\n' ' ')
  [[ -z $missing ]] || fail "libtorch_cuda.so cannot find ${missing% }; install torch's nvidia-* wheels (pip install torch pulls them) or add their lib folders to EXTRA_LIB_PATH"
fi

mkdir -p "$out" || fail "cannot create '$out'"
out=$(cd "$out" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/gankit-gpu.XXXXXX")
log=$out/run.log
say() { echo "[$(( $(date +%s) - started ))s] $*" | tee -a "$log"; }
left() { local l=$(( budget - ($(date +%s) - started) )); (( l > 10 )) && echo "$l" || echo 10; }
cleanup() {
  # Results of an experiment live next to their checkpoints; bring back everything but the checkpoints.
  if [[ -d $work/compare ]]; then
    (cd "$work" && find compare -type f ! -path '*/checkpoints/*' -print0 | cpio -0pdm --quiet "$out" 2>/dev/null) || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
: > "$log"
say "mode $mode on $device; torch ${torch_version:-(from $torch_dir)} CUDA ${torch_cuda:-n/a} ABI ${abi:-?} at $torch_dir; $(nproc) cores; budget ${budget}s"

tar -xJf "$bundle" -C "$work"
b=$work/gankit-gpu
say "bundle $(cat "$b/COMMIT") unpacked"

code=0
LD_LIBRARY_PATH=${EXTRA_LIB_PATH:-} TORCH_CXX11_ABI=$abi "$here/build-libtorchsharp.sh" "$b/torchsharp-native" "$torch_dir" "$work/native" > "$out/native-build.out" 2>&1 || code=$?
if (( code != 0 )); then
  cp "$work/native/build.log" "$out/native-build.log" 2>/dev/null || true
  tail -n 5 "$out/native-build.out" | tee -a "$log" >&2
  exit "$code"
fi
cp "$work/native/build.log" "$out/native-build.log"; cp "$work/native/build-info.txt" "$out/"
say "$(tail -n 1 "$out/native-build.out")"

export DOTNET_ROOT=$b/dotnet DOTNET_HOST_PATH=$b/dotnet/dotnet PATH=$b/dotnet:$PATH
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export LD_LIBRARY_PATH=$work/native:$lib${EXTRA_LIB_PATH:+:$EXTRA_LIB_PATH}
mkdir -p "$work/cache/gankit" && ln -s "$b/data/mnist" "$work/cache/gankit/mnist"
export XDG_CACHE_HOME=$work/cache GANKIT_DATA=$b/data
dotnet=$b/dotnet/dotnet
app=$b/app
status=0

step() { # step <name> <seconds> <command...>: runs with a time limit, logs to <out>/<name>.log
  local name=$1 limit=$2; shift 2
  say "$name: started (limit ${limit}s)"
  if timeout --kill-after=10 "$limit" "$@" > "$out/$name.log" 2>&1; then
    say "$name: ok"
  else
    local code=$?
    say "$name: FAILED (exit $code; see $name.log)"
    tail -n 5 "$out/$name.log" | sed 's/^/    /' | tee -a "$log"
    status=1
    return 1
  fi
}
tests_of() { # tests_of <name> <filter>: one test assembly through vstest.console
  local dll=$app/$1/$1.dll
  "$dotnet" "$b/vstest/vstest.console.dll" "$dll" --TestCaseFilter:"$2" --logger:"trx;LogFileName=$1-$3.trx" \
    --logger:"console;verbosity=normal" --ResultsDirectory:"$out/trx"
}

# The probe: which libtorch loaded, whether CUDA works, a matmul on the device.
step probe 120 "$dotnet" "$app/GanKit.Benchmarks/GanKit.Benchmarks.dll" --probe --device "$device" || exit 1
cat "$out/probe.log" | tee -a "$log"

if [[ $mode == experiment ]]; then
  step experiment "$(left)" "$dotnet" "$app/GanKit.Samples.Dcgan/GanKit.Samples.Dcgan.dll" compare \
    --epochs "${EPOCHS:-50}" --seeds "${SEEDS:-1,2,3}" --device "$device" --parallel "$parallel" \
    --data "$b/data/mnist" --out "$work/compare" || true
  say "experiment done; results in $out/compare"
  exit "$status"
fi

# Tests: the CUDA-tagged ones first (they are what this machine is for), then the GPU benchmark,
# then the rest of the suites in the time that is left.
suites=(GanKit.Tests GanKit.Mnist.Tests GanKit.Sweeps.Tests GanKit.Samples.Tests)
for s in GanKit.Tests GanKit.Mnist.Tests; do step "cuda-$s" "$(left)" tests_of "$s" "Category=Cuda" cuda || true; done

if [[ $device == cuda ]]; then
  rounds=${ROUNDS:-3}
  for r in $(seq 1 "$rounds"); do
    step "pytorch-round$r" "$(left)" "$python" "$b/pytorch/dcgan_eager.py" --batch 256 --output "$out/pytorch-round$r.json" || break
    step "gankit-round$r" "$(left)" "$dotnet" "$app/GanKit.Benchmarks/GanKit.Benchmarks.dll" --gpu \
      --pytorch-json "$out/pytorch-round$r.json" --output "$out/gpu-round$r.json" || break
    grep -h 'ratio' "$out/gankit-round$r.log" | tee -a "$log" || true
  done
else
  say "gpu benchmark: skipped (DEVICE=cpu)"
fi

for s in "${suites[@]}"; do step "tests-$s" "$(left)" tests_of "$s" "Category!=Cuda" rest || true; done
grep -h -E '^(Passed|Failed|Skipped|Total) tests|Total tests:|Passed:|Failed:' "$out"/tests-*.log "$out"/cuda-*.log 2>/dev/null | tee -a "$log" || true
say "done: $( ((status == 0)) && echo 'every step passed' || echo 'some steps failed') ($(( $(date +%s) - started ))s)"
exit "$status"

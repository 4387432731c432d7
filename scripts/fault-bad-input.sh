#!/usr/bin/env bash
# Feeds the built Dcgan sample bad command lines and malformed MNIST files, as a user would, and
# checks the process ends the way the sample promises: exit code 2 for a usage error and 1 for bad
# data, one "error: ..." line on stderr naming the culprit, and never a stack trace or a crash dump.
# (The IDX reader's own malformed-file corpus is covered in-process by GanKit.Mnist.Tests.)
#
# Usage: scripts/fault-bad-input.sh     Exit status: 0 when every case behaved, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v python3 >/dev/null || { echo "python3 is needed to write the malformed files" >&2; exit 1; }

# GANKIT_SAMPLE_DLL runs the cases against another build (an older release, say).
dll=${GANKIT_SAMPLE_DLL:-samples/GanKit.Samples.Dcgan/bin/Release/net10.0/GanKit.Samples.Dcgan.dll}
if [[ ! -f "$dll" ]]; then
  dotnet build -c Release samples/GanKit.Samples.Dcgan -v q --nologo >/dev/null
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/gankit-badinput.XXXXXX")
trap 'rm -rf "$work"' EXIT
cases=0 failures=0

# expect <name> <exit code> <text stderr must contain> -- <sample arguments...>
expect() {
  local name=$1 code=$2 needle=$3; shift 4
  cases=$((cases + 1))
  local status=0
  GANKIT_TRACE=0 timeout 120 dotnet "$dll" "$@" >"$work/out" 2>"$work/err" </dev/null || status=$?
  local problems=()
  [[ $status -eq $code ]] || problems+=("exit code $status, expected $code")
  grep -q -- "$needle" "$work/err" || problems+=("stderr lacks '$needle'")
  grep -qE '^\s+at |Unhandled exception|core dumped' "$work/err" "$work/out" && problems+=("a stack trace or crash reached the user")
  if [[ ${#problems[@]} -eq 0 ]]; then
    echo "ok   $name: exit $status, $(head -n 1 "$work/err")"
  else
    failures=$((failures + 1))
    echo "FAIL $name: $(IFS='; '; echo "${problems[*]}")"
    sed 's/^/     | /' "$work/err" | head -n 8
  fi
}

# Usage errors: exit code 2.
expect "no command" 2 "error:" --
expect "unknown command" 2 "error:" -- fly
expect "unknown option" 2 "--frobnicate" -- train --frobnicate
expect "zero epochs" 2 "--epochs" -- train --epochs 0
expect "text batch size" 2 "error:" -- train --batch-size many
expect "unknown architecture" 2 "--arch" -- train --arch resnet
expect "resume without a run" 2 "--resume" -- train --resume --out "$work/empty-run"
expect "evaluate a missing checkpoint" 2 "error:" -- evaluate --checkpoint "$work/nowhere"
# Checked before any work starts (each of these used to train, or start to, before failing).
expect "empty --data" 2 "--data must name a folder" -- train --data ''
expect "empty generate --out" 2 "--out" -- generate --checkpoint "$work" --out ''
expect "one evaluation sample" 2 "--eval-samples must be at least" -- train --eval-samples 1
expect "a billion digits" 2 "--count must be a whole number from 1 to" -- generate --checkpoint "$work" --count 1000000000
expect "batch larger than the dataset" 2 "larger than the 60000 training images" -- train --batch-size 2147483647 --epochs 1 --out "$work/huge-batch"

# Malformed data: exit code 1, the message names the file. Each folder holds all four files, so
# nothing is downloaded. The reader checks the structure first, then the SHA-256: a well-formed
# file of the wrong content (the count-mismatch pair) is caught by the hash check.
make_corpus() {
  python3 - "$work" <<'PY'
import os, struct, sys
root = sys.argv[1]
def images(n, rows=28, cols=28, magic=0x00000803, body=None):
    data = struct.pack(">IIII", magic, n, rows, cols)
    return data + (body if body is not None else bytes(n * rows * cols))
def labels(n, magic=0x00000801):
    return struct.pack(">II", magic, n) + bytes(n)
good = {"train-images-idx3-ubyte": images(16), "train-labels-idx1-ubyte": labels(16),
        "t10k-images-idx3-ubyte": images(8), "t10k-labels-idx1-ubyte": labels(8)}
bad = {
    "truncated": ("train-images-idx3-ubyte", images(16)[:-100]),
    "wrong-magic": ("train-images-idx3-ubyte", images(16, magic=0x00000802)),
    "empty": ("train-labels-idx1-ubyte", b""),
    "count-mismatch": ("train-labels-idx1-ubyte", labels(15)),
}
for case, (name, content) in bad.items():
    folder = os.path.join(root, case)
    os.makedirs(folder)
    for file, data in good.items():
        with open(os.path.join(folder, file), "wb") as f:
            f.write(content if file == name else data)
PY
}
make_corpus
for corpus in truncated wrong-magic empty count-mismatch; do
  needle="train-images-idx3-ubyte', field"
  [[ $corpus == empty ]] && needle="train-labels-idx1-ubyte', field"
  [[ $corpus == count-mismatch ]] && needle="has SHA-256"
  expect "malformed MNIST ($corpus)" 1 "$needle" -- train --epochs 1 --max-batches 1 --batch-size 4 --data "$work/$corpus" --out "$work/run-$corpus"
done

# A FIFO named like an IDX file: reading it would block until a writer appears.
mkdir "$work/fifo"
cp "$work/truncated/"{train-labels-idx1-ubyte,t10k-images-idx3-ubyte,t10k-labels-idx1-ubyte} "$work/fifo/"
mkfifo "$work/fifo/train-images-idx3-ubyte"
expect "FIFO as an IDX file" 1 "is not a regular file" -- train --epochs 1 --max-batches 1 --batch-size 4 --data "$work/fifo" --out "$work/run-fifo"

echo
echo "bad-input cases: $cases, behaved: $((cases - failures)), failures: $failures"
[[ $failures -eq 0 ]]

#!/usr/bin/env bash
# Builds libLibTorchSharp.so from TorchSharp 0.107.0's native source against the libtorch that will
# run it. The prebuilt library must never be paired with another libtorch: symbols resolve lazily,
# so it loads and then silently computes different numbers.
#
# usage: build-libtorchsharp.sh <torchsharp-native-src> <libtorch-dir> <out-dir>
#   <torchsharp-native-src>  a clone of dotnet/TorchSharp at commit c20b6a1c (0.107.0), or its src/Native
#   <libtorch-dir>           a pip torch's torch/ folder, an unpacked libtorch zip, or a Debian-style
#                            root holding usr/include and usr/lib/x86_64-linux-gnu
#   <out-dir>                receives libLibTorchSharp.so, build.log, build-info.txt and the objects (obj-*/)
# environment: JOBS (default: all cores), TORCH_CXX11_ABI (0/1, as the machine's Python reports it;
#              checked against the library's own symbols)
# exit codes: 0 built, 1 the build itself failed (see build.log), 2 bad input (one line says why)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
fail() { echo "build-libtorchsharp: $*" >&2; exit 2; }

[[ $# -eq 3 ]] || fail "usage: build-libtorchsharp.sh <torchsharp-native-src> <libtorch-dir> <out-dir>"
src_arg=$1 torch_arg=$2 out=$3

# The native source: either the clone's root or its src/Native.
if [[ -d $src_arg/src/Native/LibTorchSharp ]]; then native=$src_arg/src/Native
elif [[ -d $src_arg/LibTorchSharp ]]; then native=$src_arg
else fail "no LibTorchSharp source under '$src_arg' (looked for src/Native/LibTorchSharp and LibTorchSharp); clone dotnet/TorchSharp and check out c20b6a1c (0.107.0)"
fi
native=$(cd "$native" && pwd)

[[ -d $torch_arg ]] || fail "libtorch folder '$torch_arg' does not exist; pass a pip torch's torch/ folder (python3 -c 'import torch,os; print(os.path.dirname(torch.__file__))') or an unpacked libtorch zip"
torch_dir=$(cd "$torch_arg" && pwd)
[[ $(uname -m) == x86_64 ]] || fail "this build targets x86_64 Linux; this machine is $(uname -m)"

# Headers and libraries: pip/zip layout first, then a Debian-style root.
inc="" lib=""
for d in "$torch_dir/include" "$torch_dir/usr/include"; do
  [[ -f $d/torch/csrc/api/include/torch/torch.h ]] && { inc=$d; break; }
done
for d in "$torch_dir/lib" "$torch_dir/usr/lib/x86_64-linux-gnu" "$torch_dir/usr/lib"; do
  [[ -e $d/libtorch_cpu.so ]] && { lib=$d; break; }
done
[[ -n $inc ]] || fail "no libtorch headers in '$torch_dir' (looked for include/torch/csrc/api/include/torch/torch.h and usr/include/...); a pip torch ships them, a Debian install needs libtorch-dev"
[[ -n $lib ]] || fail "no libtorch_cpu.so in '$torch_dir' (looked in lib/, usr/lib/x86_64-linux-gnu/, usr/lib/)"

# The version: the tree's own version file, else the header every layout ships.
version=""
for f in "$torch_dir/version.py" "$torch_dir/torch/version.py"; do
  [[ -f $f ]] && { version=$(sed -n "s/^__version__ *= *['\"]\([^'\"]*\)['\"].*/\1/p" "$f" | head -n 1); break; }
done
for f in "$torch_dir/build-version" "$torch_dir/version.txt"; do
  [[ -z $version && -f $f ]] && version=$(head -n 1 "$f" | tr -d '[:space:]')
done
if [[ -z $version ]]; then
  h=$inc/torch/csrc/api/include/torch/version.h
  [[ -f $h ]] && version=$(awk '/define TORCH_VERSION_(MAJOR|MINOR|PATCH) /{v=v (v==""?"":".") $3} END{print v}' "$h")
fi
[[ -n $version ]] || fail "cannot tell the libtorch version of '$torch_dir' (looked for version.py, build-version, version.txt, torch/version.h)"
mm=$(echo "$version" | sed -n 's/^\([0-9]*\.[0-9]*\).*/\1/p')

# 0.107 is written for libtorch 2.10. 2.6 needs the two one-line edits in libtorch-2.6.patch; 2.7 to
# 2.11 compile unchanged; from 2.12 on the source no longer compiles (C++20, named tensors and
# autograd Node changes).
patch_file=""
case $mm in
  2.6) patch_file=$here/libtorch-2.6.patch ;;
  2.7|2.8|2.9|2.10|2.11) ;;
  *) fail "libtorch $version is not supported (TorchSharp 0.107's native source builds against 2.6 to 2.11); use a torch in that range" ;;
esac

# The C++ ABI: what the library's symbols say, which must agree with what Python reported.
command -v nm >/dev/null || fail "nm not found; install binutils"
c10=$lib/libc10.so
[[ -e $c10 ]] || fail "no libc10.so next to libtorch_cpu.so in '$lib'"
# (grep -c, not -q: -q would close the pipe early and pipefail would turn nm's SIGPIPE into "0")
cxx11_symbols=$(nm -D --defined-only "$c10" | grep -c '__cxx11' || true)
if [[ $cxx11_symbols -gt 0 ]]; then abi=1; else abi=0; fi
if [[ -n ${TORCH_CXX11_ABI:-} && ${TORCH_CXX11_ABI} != "$abi" ]]; then
  fail "the C++ ABI Python reports (_GLIBCXX_USE_CXX11_ABI=$TORCH_CXX11_ABI) disagrees with libc10.so's symbols ($abi) in '$lib'; the libtorch folder is not the one Python imports"
fi
command -v g++ >/dev/null || fail "g++ not found; install g++ (GCC 9 or newer)"

mkdir -p "$out"
out=$(cd "$out" && pwd)
# Objects are kept per libtorch version and ABI, so a rerun recompiles only what changed.
work=$out/obj-$version-abi$abi
rm -rf "$work/src" && mkdir -p "$work/src"
cp -rp "$native/." "$work/src/"
if [[ -n $patch_file ]]; then
  patch -s -p1 -d "$work/src" < "$patch_file" || fail "the compatibility patch $(basename "$patch_file") does not apply to '$native'; is it TorchSharp c20b6a1c?"
fi
mkdir -p "$work/o"

jobs=${JOBS:-$(nproc)}
log=$out/build.log
: > "$log"
echo "libtorch $version (CXX11 ABI $abi) at $lib; TorchSharp source $native; $jobs jobs" | tee -a "$log"

export CXXFLAGS_ALL="-std=c++17 -O2 -fPIC -fvisibility=hidden -fstack-protector-strong -DNDEBUG -D_GLIBCXX_USE_CXX11_ABI=$abi -Wno-unused-local-typedefs -Wno-deprecated-declarations -I$work/src -I$work/src/LibTorchSharp -I$inc -I$inc/torch/csrc/api/include"
compile() {
  local file=$1 obj
  obj=$OBJ_DIR/$(basename "${file%.*}").o
  [[ -f $obj && $obj -nt $file ]] && return 0
  case $file in
    *.c) gcc -O2 -fPIC -fvisibility=hidden -c "$file" -o "$obj" ;;
    *) g++ $CXXFLAGS_ALL -c "$file" -o "$obj" ;;
  esac
}
export -f compile
export OBJ_DIR=$work/o

start=$(date +%s)
if ! (cd "$work/src/LibTorchSharp" && ls *.cpp *.c | xargs -P "$jobs" -I{} bash -c 'compile "$@" || { echo "FAILED: $1"; exit 1; }' _ "$work/src/LibTorchSharp/{}") >>"$log" 2>&1; then
  grep -m 5 -E 'error|FAILED' "$log" >&2 || true
  echo "build-libtorchsharp: compiling failed; see $log" >&2
  exit 1
fi
g++ -shared -o "$out/libLibTorchSharp.so" "$work"/o/*.o \
  -Wl,-Bsymbolic -Wl,-Bsymbolic-functions -Wl,--build-id=sha1 -Wl,--no-as-needed \
  -L"$lib" -Wl,-rpath,"$lib" -ltorch -lc10 -ltorch_cpu >>"$log" 2>&1 \
  || { echo "build-libtorchsharp: linking failed; see $log" >&2; exit 1; }
seconds=$(( $(date +%s) - start ))

# Only libtorch, libc10 and libtorch_cpu (CUDA comes in when libtorch_cuda is loaded), and every
# symbol must resolve against this libtorch.
needed=$(readelf -d "$out/libLibTorchSharp.so" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | grep -E '^lib(torch|c10)' | sed 's/\.so.*$//' | sort | tr '\n' ' ')
[[ $needed == "libc10 libtorch libtorch_cpu " ]] || { echo "build-libtorchsharp: unexpected torch libraries linked: $needed" >&2; exit 1; }
if LD_LIBRARY_PATH=$lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} ldd -r "$out/libLibTorchSharp.so" 2>&1 | grep -E 'undefined symbol|not found' > "$out/ldd-problems.txt"; then
  head -n 5 "$out/ldd-problems.txt" >&2
  echo "build-libtorchsharp: ldd -r reports unresolved symbols or libraries; see $out/ldd-problems.txt" >&2
  exit 1
fi
rm -f "$out/ldd-problems.txt"

glibcxx=$(strings "$out/libLibTorchSharp.so" | grep -o 'GLIBCXX_[0-9.]*' | sort -V | tail -n 1)
size=$(du -h "$out/libLibTorchSharp.so" | cut -f1)
{
  echo "libtorch_version=$version"
  echo "cxx11_abi=$abi"
  echo "libtorch_lib=$lib"
  echo "patch=${patch_file:+$(basename "$patch_file")}"
  echo "jobs=$jobs"
  echo "wall_seconds=$seconds"
  echo "size=$size"
  echo "max_glibcxx=$glibcxx"
} > "$out/build-info.txt"
echo "built $out/libLibTorchSharp.so ($size, needs $glibcxx) against libtorch $version in ${seconds}s with $jobs jobs; ldd -r clean"

#!/usr/bin/env bash
# Makes the offline bundle for a GPU machine that has PyTorch but no network and no .NET: the .NET
# runtime (no SDK; vstest.console comes from the SDK for the tests), GanKit's Release outputs built
# with -p:TorchBackend=external (no libtorch, no prebuilt LibTorchSharp, no other platforms' native
# files), TorchSharp's native source, MNIST and these scripts, in one .tar.xz under 60 MiB.
#
# usage: make-bundle.sh <torchsharp-native-src> <bundle.tar.xz>
#   <torchsharp-native-src>  a clone of dotnet/TorchSharp at commit c20b6a1c (0.107.0), or its src/Native
# environment: GANKIT_MNIST (default: $XDG_CACHE_HOME/gankit/mnist or ~/.cache/gankit/mnist)
# exit codes: 0 made, 1 a build failed or the bundle is too big, 2 bad input (one line says why)
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "make-bundle: $*" >&2; exit 2; }
limit_mib=60

[[ $# -eq 2 ]] || fail "usage: make-bundle.sh <torchsharp-native-src> <bundle.tar.xz>"
src_arg=$1 bundle=$2
if [[ -d $src_arg/src/Native/LibTorchSharp ]]; then native=$src_arg/src/Native
elif [[ -d $src_arg/LibTorchSharp ]]; then native=$src_arg
else fail "no LibTorchSharp source under '$src_arg' (looked for src/Native/LibTorchSharp and LibTorchSharp); clone dotnet/TorchSharp and check out c20b6a1c (0.107.0)"
fi
[[ -d $(dirname "$bundle") ]] || fail "the folder of '$bundle' does not exist"
mnist=${GANKIT_MNIST:-${XDG_CACHE_HOME:-$HOME/.cache}/gankit/mnist}
for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
  [[ -s $mnist/$f ]] || fail "MNIST file $mnist/$f is missing; run the tests once (they fetch MNIST) or set GANKIT_MNIST to a folder holding the four IDX files"
done
command -v dotnet >/dev/null || fail "dotnet not found; install the .NET 10 SDK"
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
runtime=$(ls -d "$dotnet_root"/shared/Microsoft.NETCore.App/10.* 2>/dev/null | sort -V | tail -n 1)
sdk=$(ls -d "$dotnet_root"/sdk/10.* 2>/dev/null | sort -V | tail -n 1)
[[ -n $runtime && -n $sdk ]] || fail "no .NET 10 runtime or SDK under $dotnet_root"

stage=$(mktemp -d "${TMPDIR:-/tmp}/gankit-bundle.XXXXXX")
trap 'rm -rf "$stage"' EXIT
root=$stage/gankit-gpu
mkdir -p "$root"/{dotnet,vstest,app,torchsharp-native,data/mnist,scripts/gpu}

# The .NET runtime: the host, its resolver and Microsoft.NETCore.App only.
cp "$dotnet_root/dotnet" "$root/dotnet/"
mkdir -p "$root/dotnet/host/fxr" "$root/dotnet/shared/Microsoft.NETCore.App"
cp -r "$(ls -d "$dotnet_root"/host/fxr/* | sort -V | tail -n 1)" "$root/dotnet/host/fxr/"
cp -r "$runtime" "$root/dotnet/shared/Microsoft.NETCore.App/"

# vstest.console and what it loads (the test projects bring their own testhost and xunit adapter).
cp "$sdk"/vstest.console.{dll,deps.json,runtimeconfig.json,dll.config} "$sdk"/testhost*.json "$sdk"/testhost.dll \
   "$sdk"/Microsoft.TestPlatform.*.dll "$sdk"/Microsoft.VisualStudio.TestPlatform.*.dll \
   "$sdk"/Newtonsoft.Json.dll "$sdk"/Microsoft.Extensions.FileSystemGlobbing.dll "$root/vstest/"
mkdir -p "$root/vstest/Extensions" && cp "$sdk"/Extensions/*.dll "$root/vstest/Extensions/"

# GanKit, built with no backend: the machine's libtorch and a LibTorchSharp built against it are used.
projects=(tests/GanKit.Tests tests/GanKit.Mnist.Tests tests/GanKit.Sweeps.Tests tests/GanKit.Samples.Tests samples/GanKit.Samples.Dcgan benchmarks/GanKit.Benchmarks)
for p in "${projects[@]}"; do
  name=$(basename "$p")
  if ! dotnet build "$repo/$p/$name.csproj" -c Release -p:TorchBackend=external -nologo -v q > "$stage/build-$name.log" 2>&1; then
    tail -n 20 "$stage/build-$name.log" >&2
    echo "make-bundle: building $p failed (log above)" >&2
    exit 1
  fi
  out=$repo/$p/bin/external/Release/net10.0
  cp -r "$out" "$root/app/$name"
done
# Other platforms' native files (SkiaSharp, ...) and anything libtorch-like must not travel.
find "$root/app" -type d -path '*/runtimes/*' -prune ! -name 'linux-x64' -exec rm -rf {} +
if find "$root/app" \( -name 'libtorch*' -o -name '*LibTorchSharp*' -o -name 'libc10*' \) | grep -q .; then
  echo "make-bundle: a libtorch or LibTorchSharp file ended up in the outputs: $(find "$root/app" \( -name 'libtorch*' -o -name '*LibTorchSharp*' -o -name 'libc10*' \) | head -n 1)" >&2
  exit 1
fi

cp -r "$native/." "$root/torchsharp-native/"
cp "$mnist"/*-ubyte "$root/data/mnist/"
cp "$repo"/scripts/gpu/*.sh "$repo"/scripts/gpu/*.patch "$root/scripts/gpu/"
cp -r "$repo/benchmarks/pytorch" "$root/pytorch"
git -C "$repo" rev-parse HEAD > "$root/COMMIT" 2>/dev/null || echo unknown > "$root/COMMIT"

# xz -9 keeps a 64 MiB window, so the copies of the same assemblies in every output compress to one.
mkdir -p "$(dirname "$bundle")"
tar -C "$stage" -cf - gankit-gpu | xz -9e -T"$(nproc)" > "$bundle.partial"
mv "$bundle.partial" "$bundle"
bytes=$(stat -c %s "$bundle")
mib=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
if (( bytes > limit_mib * 1048576 )); then
  echo "make-bundle: $bundle is $mib MiB, over the $limit_mib MiB an offline run may take" >&2
  exit 1
fi
echo "bundle: $bundle, $mib MiB ($(du -sh "$root" | cut -f1) unpacked)"

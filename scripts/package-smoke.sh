#!/usr/bin/env bash
# Packs GanKit, GanKit.Mnist and GanKit.Sweeps into a throw-away local feed, checks what the packages hold, then
# proves a brand-new console app outside this repository restores them from that feed (plus
# TorchSharp-cpu from nuget.org), builds, runs one training step and writes a PNG grid.
#
# Usage: bash scripts/package-smoke.sh            (KEEP=1 keeps the temporary folder for a look)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
torchsharp_version=0.107.0

# Outside the repository, so its Directory.Build.props, Directory.Packages.props, global.json and
# nuget.config cannot leak into the consumer: it must work with nothing but the packages.
work=$(mktemp -d "${TMPDIR:-/tmp}/gankit-package-smoke.XXXXXX")
case "$work" in "$repo"/*) echo "package-smoke: temp folder $work is inside the repository" >&2; exit 1 ;; esac

base_version=$(dotnet msbuild "$repo/src/GanKit/GanKit.csproj" -getProperty:Version)
# A version no cache has seen, so the global packages folder can never serve a stale copy.
version="${base_version}-smoke.$(date +%Y%m%d%H%M%S).$$"
cache=${NUGET_PACKAGES:-$HOME/.nuget/packages}

cleanup() {
  # The unique smoke versions would otherwise pile up in the global packages folder.
  rm -rf "$cache/gankit/$version" "$cache/gankit.mnist/$version"
  rmdir "$cache/gankit" "$cache/gankit.mnist" 2>/dev/null || true
  if [ "${KEEP:-0}" = "1" ]; then
    echo "package-smoke: kept $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

fail() { echo "package-smoke: FAIL: $*" >&2; exit 1; }
step() { echo "package-smoke: $*"; }

feed="$work/feed"
step "packing $version into $feed"
for project in GanKit GanKit.Mnist GanKit.Sweeps; do
  dotnet pack "$repo/src/$project/$project.csproj" -c Release -o "$feed" -p:Version="$version" --nologo -v q >"$work/pack-$project.log" 2>&1 \
    || { cat "$work/pack-$project.log" >&2; fail "dotnet pack $project failed"; }
done

# --- What each package holds -------------------------------------------------------------------
for id in GanKit GanKit.Mnist GanKit.Sweeps; do
  nupkg="$feed/$id.$version.nupkg"
  snupkg="$feed/$id.$version.snupkg"
  [ -f "$nupkg" ] || fail "$nupkg was not produced"
  [ -f "$snupkg" ] || fail "$snupkg (symbols) was not produced"
  listing=$(unzip -Z1 "$nupkg")
  for entry in README.md "lib/net10.0/$id.dll" "lib/net10.0/$id.xml"; do
    grep -qx "$entry" <<<"$listing" || fail "$id: $entry missing from the package"
  done
  nuspec=$(unzip -p "$nupkg" "$id.nuspec")
  grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || fail "$id: no MIT licence expression"
  grep -q '<readme>README.md</readme>' <<<"$nuspec" || fail "$id: no package README"
  grep -q '<repository type="git" url="https://github.com/' <<<"$nuspec" || fail "$id: no repository URL"
  # The consumer picks the backend; a package that forced one would clash with a CUDA app.
  if grep -Eiq 'id="(TorchSharp-cpu|TorchSharp-cuda[^"]*|libtorch[^"]*)"' <<<"$nuspec"; then
    fail "$id depends on a TorchSharp backend package"
  fi
  # Extract first: `unzip | grep -q` would fail under pipefail when grep stops reading early.
  unzip -p "$snupkg" "lib/net10.0/$id.pdb" > "$work/$id.pdb"
  grep -aq 'raw.githubusercontent.com' "$work/$id.pdb" \
    || fail "$id: the symbol package's PDB has no Source Link"
  step "$id: nupkg + snupkg, README, MIT, repository, XML docs, Source Link, no backend: ok"
done
grep -q "id=\"TorchSharp\" version=\"$torchsharp_version\"" <<<"$(unzip -p "$feed/GanKit.$version.nupkg" GanKit.nuspec)" \
  || fail "GanKit does not depend on TorchSharp $torchsharp_version"
grep -q "id=\"GanKit\" version=\"$version\"" <<<"$(unzip -p "$feed/GanKit.Mnist.$version.nupkg" GanKit.Mnist.nuspec)" \
  || fail "GanKit.Mnist does not depend on GanKit $version"

# --- A brand-new consumer ----------------------------------------------------------------------
app="$work/consumer"
mkdir -p "$app"
cat >"$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
cat >"$app/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <PlatformTarget>x64</PlatformTarget>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="GanKit" Version="$version" />
    <PackageReference Include="GanKit.Mnist" Version="$version" />
    <PackageReference Include="GanKit.Sweeps" Version="$version" />
    <PackageReference Include="TorchSharp-cpu" Version="$torchsharp_version" />
  </ItemGroup>
</Project>
XML
cp "$repo/scripts/package-smoke/Program.cs" "$app/Program.cs"

step "restoring and building the consumer"
(cd "$app" && dotnet build -c Release --nologo -v q >"$work/build.log" 2>&1) || { cat "$work/build.log" >&2; fail "the consumer did not build"; }
grep -q "gankit.mnist/$version" "$app/obj/project.assets.json" 2>/dev/null || grep -qi "\"GanKit.Mnist/$version\"" "$app/obj/project.assets.json" \
  || fail "the consumer did not resolve GanKit.Mnist $version"
grep -qi "\"GanKit.Sweeps/$version\"" "$app/obj/project.assets.json" \
  || fail "the consumer did not resolve GanKit.Sweeps $version"
# The sweep engine knows no tensor: its package must not pull in TorchSharp at all.
if grep -q 'id="TorchSharp' <<<"$(unzip -p "$feed/GanKit.Sweeps.$version.nupkg" GanKit.Sweeps.nuspec)"; then
  fail "GanKit.Sweeps depends on TorchSharp"
fi

step "running the consumer"
out="$work/run"
(cd "$app" && dotnet run -c Release --no-build -- "$out") >"$work/run.log" 2>&1 || { cat "$work/run.log" >&2; fail "the consumer failed"; }
cat "$work/run.log"

grep -q '^generator parameters: [1-9][0-9]*$' "$work/run.log" || fail "no generator summary line"
grep -q '^trained steps: 1$' "$work/run.log" || fail "the consumer did not train exactly one step"
grep -Eq '^losses: d=[0-9.]+ g=[0-9.]+$' "$work/run.log" || fail "no finite losses reported"
grid="$out/grid.png"
[ -s "$grid" ] || fail "$grid was not written"
# PNG signature, then width and height from the IHDR chunk: 16 digits of 28 px with 2 px padding.
[ "$(head -c 8 "$grid" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "$grid is not a PNG"
dims=$(od -An -tu1 -j16 -N8 "$grid" | awk '{ printf "%d x %d", ($1*16777216)+($2*65536)+($3*256)+$4, ($5*16777216)+($6*65536)+($7*256)+$8 }')
[ "$dims" = "122 x 122" ] || fail "$grid is $dims, expected a 4 x 4 grid of 122 x 122"
step "PASS: packages $version restore, build, train one step and write a $dims grid"

#!/usr/bin/env bash
# Records the three packages' public API changes in their PublicAPI.Unshipped.txt: entries for
# symbols that are gone (RS0017) are deleted, then the public-API analyzer's own code fix adds the
# public symbols not yet listed (RS0016). Review the diff afterwards: the build fails on any public
# change that is not recorded.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in GanKit GanKit.Mnist GanKit.Sweeps; do
  csproj="src/$project/$project.csproj"
  unshipped="src/$project/PublicAPI.Unshipped.txt"
  # The analyzer names each stale entry exactly as it is written in the file.
  dotnet build "$csproj" -c Release -v q -p:TreatWarningsAsErrors=false 2>&1 \
    | sed -n "s/.*warning RS0017: Symbol '\(.*\)' is part of the declared API.*/\1/p" | sort -u > "$unshipped.stale" || true
  if [ -s "$unshipped.stale" ]; then
    grep -vxF -f "$unshipped.stale" "$unshipped" > "$unshipped.new" || true
    mv "$unshipped.new" "$unshipped"
  fi
  rm -f "$unshipped.stale"
  dotnet format analyzers "$csproj" --diagnostics RS0016 RS0037 --severity warn -v q
  # The build above let warnings through; rebuild as CI does, so an incremental build later does
  # not take those outputs as up to date and hide a warning (a doc comment's ambiguous cref, say).
  dotnet build "$csproj" -c Release -v q --no-incremental >/dev/null || dotnet build "$csproj" -c Release -v q --no-incremental 2>&1 | grep -E 'error' | sort -u
done
git --no-pager diff --stat -- 'src/*/PublicAPI.*.txt'

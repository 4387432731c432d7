#!/usr/bin/env bash
# Records the three packages' public API changes in their PublicAPI.Unshipped.txt with the
# public-API analyzer's own code fixes: first drops entries for symbols that are gone (RS0017),
# then adds the public symbols not yet listed (RS0016). Fixing both in one pass can undo each
# other on records, so they run apart. Review the diff afterwards: the build fails on any public
# change that is not recorded.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in GanKit GanKit.Mnist GanKit.Sweeps; do
  csproj="src/$project/$project.csproj"
  dotnet format analyzers "$csproj" --diagnostics RS0017 --severity warn -v q
  dotnet format analyzers "$csproj" --diagnostics RS0016 RS0037 --severity warn -v q
done
git --no-pager diff --stat -- 'src/*/PublicAPI.*.txt'

#!/usr/bin/env bash
# Adds every public symbol the three packages declare but their PublicAPI.Unshipped.txt does not
# list, using the public-API analyzer's own code fix. Run it after a deliberate API change, then
# review the diff: the build fails (RS0016/RS0017) on any change that is not recorded.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in GanKit GanKit.Mnist GanKit.Sweeps; do
  dotnet format analyzers "src/$project/$project.csproj" --diagnostics RS0016 RS0017 RS0037 --severity warn -v q
done
git --no-pager diff --stat -- 'src/*/PublicAPI.*.txt'

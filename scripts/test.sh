#!/usr/bin/env bash
# The one command that sets this machine up and runs every test.
# It installs what TorchSharp needs (see install-prerequisites.sh), then runs the test suite; tests
# that need the real MNIST files fetch them through GanKit.Mnist's own loader on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-prerequisites.sh
dotnet test GanKit.sln -c Release "$@"

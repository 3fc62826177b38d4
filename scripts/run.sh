#!/usr/bin/env bash
# Installs what is missing, then runs the agent (REST API on 9081, offline mode) with the modules a laptop runs
# in one process: the broker (nats-server as a child), discovery, and Meshery Perf (gRPC on 10013) for
# `mesheryctl perf`. Settings in the environment (Meshery__Agent__Modules__Perf=false, ...) win.
# Extra arguments go to the agent, e.g. scripts/run.sh --urls http://127.0.0.1:9081
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${repo_root}"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export Meshery__Agent__Modules__Perf="${Meshery__Agent__Modules__Perf:-true}"

"${repo_root}/scripts/setup.sh"
exec dotnet run --project agent/Meshery.Agent.csproj -c Release -- "$@"

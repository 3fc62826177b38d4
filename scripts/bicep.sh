#!/usr/bin/env bash
# Runs the bicep CLI on the provider's Azure deployment (infra/bicep).
#   scripts/bicep.sh build            compile infra/bicep/main.bicep to ARM JSON (infra/bicep/main.json, git-ignored)
#   scripts/bicep.sh lint             lint every .bicep file under infra/bicep (non-zero on any diagnostic)
#   scripts/bicep.sh params           compile infra/bicep/main.bicepparam (reads the MESHERY_PROVIDER_* variables)
#   scripts/bicep.sh path             print the bicep executable's path
#   scripts/bicep.sh -- ARGS...       run bicep with ARGS
# The CLI comes from NuGet only: package Azure.Bicep.CommandLine.linux-x64, pinned in Directory.Packages.props
# and restored through tests/Meshery.Infra.Tests (whose tests run the same binary).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="${repo_root}/tests/Meshery.Infra.Tests/Meshery.Infra.Tests.csproj"
infra="${repo_root}/infra/bicep"

bicep_path() {
  local path
  path="$(dotnet msbuild "${project}" -nologo -getProperty:BicepPath 2>/dev/null || true)"
  path="${path//\\//}"
  if [[ -z "${path}" || ! -x "${path}" ]]; then
    dotnet restore "${project}" --verbosity quiet >/dev/null
    path="$(dotnet msbuild "${project}" -nologo -getProperty:BicepPath)"
    path="${path//\\//}"
  fi
  if [[ ! -x "${path}" ]]; then
    echo "bicep.sh: the bicep CLI was not restored (expected at '${path}')" >&2
    exit 1
  fi
  printf '%s\n' "${path}"
}

command="${1:-}"
case "${command}" in
  build)
    bicep="$(bicep_path)"
    "${bicep}" build "${infra}/main.bicep" --outfile "${infra}/main.json"
    echo "bicep.sh: wrote infra/bicep/main.json"
    ;;
  lint)
    bicep="$(bicep_path)"
    output="$("${bicep}" lint --pattern "${infra}/**/*.bicep" 2>&1)" || { printf '%s\n' "${output}" >&2; exit 1; }
    if [[ -n "${output}" ]]; then
      printf '%s\n' "${output}" >&2
      exit 1
    fi
    echo "bicep.sh: infra/bicep lints clean"
    ;;
  params)
    bicep="$(bicep_path)"
    "${bicep}" build-params "${infra}/main.bicepparam" --outfile "${infra}/main.parameters.json"
    echo "bicep.sh: wrote infra/bicep/main.parameters.json (it holds the credential key: do not commit it)"
    ;;
  path)
    bicep_path
    ;;
  --)
    shift
    bicep="$(bicep_path)"
    exec "${bicep}" "$@"
    ;;
  *)
    echo "usage: scripts/bicep.sh build|lint|params|path|-- ARGS..." >&2
    exit 2
    ;;
esac

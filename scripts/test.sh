#!/usr/bin/env bash
# Builds the solution once and runs every test project in it (projects named *.Tests).
# Each project is an xUnit v3 executable, run directly with a TRX report into
# artifacts/test-results/. The last line of output is always "N passed, M failed",
# summed over all projects; a build failure or a crashed project counts as failed.
# Exit status is non-zero when anything failed.
#
# Environment:
#   MESHERY_TEST_TIMEOUT  seconds one test project may run before it is killed (default 1800)
set -uo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${repo_root}"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1

configuration=Release
results_dir="${repo_root}/artifacts/test-results"
project_timeout="${MESHERY_TEST_TIMEOUT:-1800}"

total_passed=0
total_failed=0
totals_printed=0

print_totals() {
  if [[ "${totals_printed}" -eq 0 ]]; then
    totals_printed=1
    echo "${total_passed} passed, ${total_failed} failed"
  fi
}

on_exit() {
  local code=$?
  if [[ "${totals_printed}" -eq 0 ]]; then
    # Something went wrong before the tests could be counted.
    if [[ "${total_failed}" -eq 0 ]]; then total_failed=1; fi
    print_totals
    [[ "${code}" -eq 0 ]] && code=1
  fi
  exit "${code}"
}
trap on_exit EXIT

stop_build_servers() {
  # On CI nothing else builds on this machine: do not leave compiler servers behind.
  if [[ -n "${CI:-}" ]]; then
    dotnet build-server shutdown >/dev/null 2>&1 || true
  fi
}

# Reads one attribute of the <Counters> element of a TRX file (0 when absent).
counter() {
  local trx="$1" name="$2" value
  value="$(grep -o '<Counters [^>]*>' "${trx}" | head -n 1 | sed -n "s/.* ${name}=\"\([0-9]*\)\".*/\1/p")"
  echo "${value:-0}"
}

echo "== setup"
if ! "${repo_root}/scripts/setup.sh"; then
  echo "test: scripts/setup.sh failed" >&2
  exit 1
fi

echo "== build (${configuration})"
if ! dotnet build Meshery.sln -c "${configuration}" -nologo -v minimal -nodeReuse:false; then
  echo "test: build failed" >&2
  stop_build_servers
  exit 1
fi
stop_build_servers

mapfile -t projects < <(dotnet sln Meshery.sln list | tr '\\' '/' | grep -E '\.Tests\.csproj$' | sort)
if [[ "${#projects[@]}" -eq 0 ]]; then
  echo "test: no *.Tests projects in Meshery.sln" >&2
  exit 1
fi

rm -rf "${results_dir}"
mkdir -p "${results_dir}"

summary=()
for project in "${projects[@]}"; do
  name="$(basename "${project}" .csproj)"
  project_dir="$(dirname "${project}")"
  trx="${results_dir}/${name}.trx"
  dll="$(ls -1 "${project_dir}/bin/${configuration}"/net*/"${name}.dll" 2>/dev/null | head -n 1 || true)"

  echo "== test ${name}"
  code=0
  if [[ -z "${dll}" ]]; then
    echo "test: ${name}: no build output under ${project_dir}/bin/${configuration}" >&2
    code=127
  else
    # An xUnit v3 executable runs either xUnit's own console runner or, when built with
    # UseMicrosoftTestingPlatformRunner, Microsoft.Testing.Platform; their options differ.
    # Both report a test running over 120 s (a hang) while it still runs.
    if dotnet exec "${dll}" --help 2>/dev/null | grep -q -- '--report-xunit-trx'; then
      # Exit code 8 is "no test ran": a project without tests yet is not a failure.
      args=(--no-ansi --progress off --long-running 120 --ignore-exit-code 8
        --results-directory "${results_dir}" --report-xunit-trx --report-xunit-trx-filename "${name}.trx")
    else
      args=(-noLogo -noColor -longRunning 120 -result-trx "${trx}")
    fi
    # timeout runs the project in a process group of its own; killing that group afterwards
    # removes servers a crashed test host left behind.
    timeout --signal=TERM --kill-after=30 "${project_timeout}" dotnet exec "${dll}" "${args[@]}" </dev/null &
    group=$!
    wait "${group}" || code=$?
    kill -KILL -- "-${group}" 2>/dev/null || true
  fi

  passed=0 failed=0 skipped=0 note=""
  if [[ -f "${trx}" ]]; then
    passed="$(counter "${trx}" passed)"
    failed=$(( $(counter "${trx}" failed) + $(counter "${trx}" error) + $(counter "${trx}" timeout) + $(counter "${trx}" aborted) ))
    skipped="$(counter "${trx}" notExecuted)"
  fi
  if [[ "${code}" -ne 0 && "${failed}" -eq 0 ]]; then
    # Crashed, timed out or never ran: count it as one failure.
    failed=1
    if [[ "${code}" -eq 124 || "${code}" -eq 137 ]]; then
      note=" (killed after ${project_timeout} s)"
    else
      note=" (exit code ${code}, no failed test recorded)"
    fi
  fi

  total_passed=$(( total_passed + passed ))
  total_failed=$(( total_failed + failed ))
  summary+=("$(printf '%-40s %5d passed, %3d failed, %3d skipped%s' "${name}" "${passed}" "${failed}" "${skipped}" "${note}")")
done

echo "== results (TRX files in ${results_dir#"${repo_root}/"})"
printf '%s\n' "${summary[@]}"
print_totals
[[ "${total_failed}" -eq 0 ]]

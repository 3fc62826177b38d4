#!/usr/bin/env bash
# Installs what the tests and the product need on a fresh machine, when missing.
# Idempotent: a second run changes nothing and only prints what it found.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [[ "$(id -u)" -eq 0 ]]; then
  sudo=()
else
  sudo=(sudo)
fi

apt_updated=0
apt_install() {
  if [[ "${apt_updated}" -eq 0 ]]; then
    echo "setup: apt-get update"
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -qq >/dev/null
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# nats-server: the message broker used by MeshSync, the agent and the tests.
if command -v nats-server >/dev/null 2>&1 || [[ -x /usr/sbin/nats-server ]]; then
  echo "setup: nats-server present"
else
  echo "setup: installing nats-server (apt)"
  apt_install nats-server
fi

# Containers (the agent image and compose tests, tests/Meshery.Containers.Tests): podman builds and runs images
# without a daemon or registry, with runc (crun fails on a hybrid cgroup layout), netavark (ports published through
# iptables) with aardvark-dns so compose services find one another by name, debootstrap for the local base image,
# and Debian's podman-compose.
# scripts/containers/env.sh points them at the project's own configuration; nothing under /etc changes.
container_packages=(podman buildah runc netavark aardvark-dns iptables debootstrap podman-compose)
missing_packages=()
for package in "${container_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "${package}" 2>/dev/null | grep -q '^install ok installed$'; then
    missing_packages+=("${package}")
  fi
done
if [[ "${#missing_packages[@]}" -eq 0 ]]; then
  echo "setup: $(podman --version) with runc, netavark, debootstrap, podman-compose present"
else
  echo "setup: installing ${missing_packages[*]} (apt)"
  apt_install "${missing_packages[@]}"
fi

# dotnet: the SDK comes with the machine; say so clearly when it does not.
if command -v dotnet >/dev/null 2>&1; then
  echo "setup: dotnet $(dotnet --version) present"
else
  echo "setup: dotnet SDK not found on PATH (install the .NET 10 SDK)" >&2
  exit 1
fi

# Azurite: the Azure Storage emulator, pinned by tools/azurite/package-lock.json.
azurite_dir="${repo_root}/tools/azurite"
if ! command -v npm >/dev/null 2>&1; then
  echo "setup: installing nodejs and npm (apt)"
  apt_install nodejs npm
fi
stamp="${azurite_dir}/node_modules/.package-lock.json"
if [[ -x "${azurite_dir}/node_modules/.bin/azurite" && -f "${stamp}" \
      && ! "${azurite_dir}/package-lock.json" -nt "${stamp}" ]]; then
  echo "setup: azurite $(node -p "require('${azurite_dir}/node_modules/azurite/package.json').version") present"
else
  echo "setup: installing azurite (npm ci in tools/azurite)"
  npm ci --prefix "${azurite_dir}" --no-audit --no-fund --loglevel=error >/dev/null
fi

# Chromium: the browser the sign-in test drives through Playwright (never downloaded by Playwright itself).
if [[ -x /usr/bin/chromium ]]; then
  echo "setup: chromium present"
else
  echo "setup: installing chromium (apt)"
  apt_install chromium
fi

# Shells the completion tests load mesheryctl's scripts into: zsh and fish from Debian, PowerShell as the
# dotnet tool (Debian has no package) under .tools/pwsh, where the tests look for it.
missing_shells=()
for shell in zsh fish; do
  if command -v "${shell}" >/dev/null 2>&1; then
    echo "setup: ${shell} present"
  else
    missing_shells+=("${shell}")
  fi
done
if [[ "${#missing_shells[@]}" -gt 0 ]]; then
  echo "setup: installing ${missing_shells[*]} (apt)"
  apt_install "${missing_shells[@]}"
fi
pwsh_version=7.6.9
pwsh_dir="${repo_root}/.tools/pwsh"
if [[ -x "${pwsh_dir}/pwsh" && -d "${pwsh_dir}/.store/powershell/${pwsh_version}" ]]; then
  echo "setup: pwsh ${pwsh_version} present"
else
  echo "setup: installing pwsh ${pwsh_version} (dotnet tool PowerShell into .tools/pwsh)"
  rm -rf "${pwsh_dir}"
  dotnet tool install PowerShell --version "${pwsh_version}" --tool-path "${pwsh_dir}" >/dev/null
fi

# Local dotnet tools (.config/dotnet-tools.json): dotnet-stack, with which scripts/test.sh saves the stacks of a hung test host.
if dotnet tool restore >/dev/null; then
  echo "setup: dotnet tools restored ($(dotnet tool list --local | awk 'NR > 2 { printf "%s%s %s", sep, $1, $2; sep = ", " }'))"
else
  echo "setup: dotnet tool restore failed" >&2
  exit 1
fi

echo "setup: done"

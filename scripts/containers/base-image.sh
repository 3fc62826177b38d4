#!/usr/bin/env bash
# Makes the Debian base image ($MESHERY_BASE_IMAGE, localhost/debian-base:bookworm) with debootstrap when it is
# missing: the local stand-in for mcr.microsoft.com/dotnet/runtime-deps (no registry is reachable here).
# It holds what a self-contained .NET app needs (glibc, libstdc++, OpenSSL, zlib, CA certificates, tzdata) and
# apt, so stand-in images can add Debian packages in their build steps. Needs root (debootstrap). Idempotent.
#
#   --rebuild   make it again even when it exists
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "${here}/env.sh"

if ! meshery_must_make_image "${MESHERY_BASE_IMAGE}" "${1:-}"; then
  echo "base-image: ${MESHERY_BASE_IMAGE} present"
  exit 0
fi

# The machine's own Debian mirror (deb822 .sources first, then the one-line format).
mirror="$(sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null \
  | grep -v security | head -n 1 || true)"
if [[ -z "${mirror}" ]]; then
  mirror="$(sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]*\).*/\2/p' /etc/apt/sources.list 2>/dev/null \
    | grep -v security | head -n 1 || true)"
fi
mirror="${mirror:-http://deb.debian.org/debian}"

rootfs="${MESHERY_CONTAINERS_DIR}/rootfs.$$"
trap 'rm -rf "${rootfs}"' EXIT
started=${SECONDS}
echo "base-image: debootstrap bookworm from ${mirror}"
debootstrap --variant=minbase --include=ca-certificates,libssl3,tzdata bookworm "${rootfs}" "${mirror}" >"${rootfs}.log" 2>&1 \
  || { tail -n 20 "${rootfs}.log" >&2; rm -f "${rootfs}.log"; exit 1; }
rm -f "${rootfs}.log"

# What a container never reads: package caches and lists, documentation, man pages, translations.
# dpkg keeps leaving them out for packages stand-in images install later.
rm -rf "${rootfs}"/var/cache/apt/archives/*.deb "${rootfs}"/var/cache/apt/*.bin "${rootfs}"/var/lib/apt/lists/* \
  "${rootfs}"/usr/share/doc/* "${rootfs}"/usr/share/man/* "${rootfs}"/usr/share/info/* "${rootfs}"/usr/share/locale/*
cat >"${rootfs}/etc/dpkg/dpkg.cfg.d/01-container-excludes" <<'EOF'
path-exclude /usr/share/doc/*
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
EOF

tar -C "${rootfs}" -c . | podman import --quiet --change 'CMD ["/bin/bash"]' - "${MESHERY_BASE_IMAGE}" >/dev/null
echo "base-image: ${MESHERY_BASE_IMAGE} made in $((SECONDS - started)) s ($(podman image inspect --format '{{.Size}}' "${MESHERY_BASE_IMAGE}") bytes)"

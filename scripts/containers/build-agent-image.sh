#!/usr/bin/env bash
# Builds the agent image ($MESHERY_AGENT_IMAGE, localhost/meshery-agent:dev) from the repository's Dockerfile with
# podman, on the local Debian base instead of the official runtime-deps image (base-image.sh makes it when missing).
#
#   build-agent-image.sh          fast: `dotnet publish` on the host, then the Dockerfile's final stage with the
#                                 publish folder standing in for the build stage (--build-context build=...)
#   build-agent-image.sh --full   every stage of the Dockerfile: the publish runs inside the SDK stand-in image
#                                 (sdk-image.sh), restoring through the host's NuGet package cache
#   --tag NAME                    the image name (default $MESHERY_AGENT_IMAGE)
#
# Layers are cached in the project's image storage: a second build with unchanged sources takes seconds.
# The last line of output is the image's name and size in bytes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${here}/../.." && pwd)"
# shellcheck source=env.sh
source "${here}/env.sh"

full=0
tag="${MESHERY_AGENT_IMAGE}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --full) full=1 ;;
    --tag) tag="$2"; shift ;;
    *) echo "build-agent-image: unknown argument '$1' (use --full, --tag NAME)" >&2; exit 2 ;;
  esac
  shift
done

"${here}/base-image.sh"

# HEALTHCHECK survives only in the docker image format.
build_args=(--format docker --layers --build-arg "RUNTIME_IMAGE=${MESHERY_BASE_IMAGE}" -t "${tag}" -f "${repo_root}/Dockerfile")
started=${SECONDS}
if [[ "${full}" -eq 1 ]]; then
  "${here}/sdk-image.sh"
  nuget_cache="${NUGET_PACKAGES:-${HOME}/.nuget/packages}"
  mkdir -p "${nuget_cache}"
  # Build steps reach NuGet over HTTPS, which needs the host's CA bundle; the host's package cache spares the
  # download of packages the host already restored.
  podman build "${build_args[@]}" --build-arg "SDK_IMAGE=${MESHERY_SDK_IMAGE}" \
    -v /etc/ssl/certs/ca-certificates.crt:/etc/ssl/certs/ca-certificates.crt:ro \
    -v "${nuget_cache}:/root/.nuget/packages" \
    "${repo_root}"
else
  # The publish folder lives under artifacts/, which .dockerignore keeps out of the build context.
  staging="${repo_root}/artifacts/containers/agent"
  # A fresh folder each time: nothing removed from the agent lingers in the image.
  rm -rf "${staging}/publish"
  mkdir -p "${staging}"
  echo "build-agent-image: dotnet publish (Release, linux-x64, self-contained)"
  dotnet publish "${repo_root}/agent/Meshery.Agent.csproj" -c Release -r linux-x64 --self-contained true \
    -p:DebugType=none -o "${staging}/publish" -nologo -v quiet -nodeReuse:false
  podman build "${build_args[@]}" --target final --build-context "build=${staging}" "${repo_root}"
fi

# Build-stage layers of earlier sources are left untagged; drop the old ones so the storage does not grow without
# bound, keeping recent ones as the next build's cache.
podman image prune --force --filter until=72h >/dev/null

size="$(podman image inspect --format '{{.Size}}' "${tag}")"
echo "build-agent-image: built in $((SECONDS - started)) s"
echo "${tag} ${size}"

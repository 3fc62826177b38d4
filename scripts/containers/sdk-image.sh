#!/usr/bin/env bash
# Makes the .NET SDK stand-in image ($MESHERY_SDK_IMAGE, localhost/dotnet-sdk:10.0) from sdk.Containerfile and the
# host's SDK when it is missing; only the full image build (build-agent-image.sh --full) needs it. Idempotent.
#
#   --rebuild   make it again even when it exists
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "${here}/env.sh"

"${here}/base-image.sh"

if ! meshery_must_make_image "${MESHERY_SDK_IMAGE}" "${1:-}"; then
  echo "sdk-image: ${MESHERY_SDK_IMAGE} present"
  exit 0
fi

dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
started=${SECONDS}
podman build --quiet --build-arg "BASE_IMAGE=${MESHERY_BASE_IMAGE}" --build-context "dotnet=${dotnet_root}" \
  -t "${MESHERY_SDK_IMAGE}" -f "${here}/sdk.Containerfile" "${here}" >/dev/null
echo "sdk-image: ${MESHERY_SDK_IMAGE} (SDK from ${dotnet_root}) made in $((SECONDS - started)) s"

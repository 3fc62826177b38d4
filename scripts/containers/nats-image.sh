#!/usr/bin/env bash
# Makes the NATS stand-in image ($MESHERY_NATS_IMAGE, localhost/nats:bookworm) from nats.Containerfile when it is
# missing; the base image comes first. Idempotent. The last line of output is the image's name and size in bytes.
#
#   --rebuild   make it again even when it exists
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "${here}/env.sh"

"${here}/base-image.sh"

if ! meshery_must_make_image "${MESHERY_NATS_IMAGE}" "${1:-}"; then
  echo "nats-image: ${MESHERY_NATS_IMAGE} present"
else
  started=${SECONDS}
  podman build --quiet --build-arg "BASE_IMAGE=${MESHERY_BASE_IMAGE}" -t "${MESHERY_NATS_IMAGE}" \
    -f "${here}/nats.Containerfile" "${here}" >/dev/null
  echo "nats-image: ${MESHERY_NATS_IMAGE} made in $((SECONDS - started)) s"
fi
echo "${MESHERY_NATS_IMAGE} $(podman image inspect --format '{{.Size}}' "${MESHERY_NATS_IMAGE}")"

#!/usr/bin/env bash
# podman-compose with the project's configuration and image storage (env.sh), run from the repository root, e.g.
#   MESHERY_IMAGE=localhost/meshery-agent:dev NATS_IMAGE=localhost/nats:bookworm scripts/containers/compose.sh up -d
# -f compose.yaml is added unless a file is given.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "${here}/env.sh"
cd "${here}/../.."
if [[ " $* " == *" -f "* || " $* " == *" --file "* ]]; then
  exec podman-compose "$@"
fi
exec podman-compose -f compose.yaml "$@"

#!/usr/bin/env bash
# podman with the project's configuration and image storage (env.sh), e.g. `scripts/containers/podman.sh images`.
set -euo pipefail
# shellcheck source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
exec podman "$@"

# Sourced by the other scripts here: points podman, buildah and podman-compose at the project's own
# configuration and image storage, so nothing under /etc changes and every script and test sees the same images.
#
#   MESHERY_CONTAINERS_DIR   where the configuration, images and containers live
#                            (default ${XDG_CACHE_HOME:-~/.cache}/meshery/containers; it survives `git clean`,
#                            so the base images are built once per machine)
#
# Why these settings (see the repository's docs/ARCHITECTURE.md, "Container images"):
# - runc, not crun: crun fails on a kernel with a hybrid cgroup layout; cgroupfs because no systemd manages them.
# - ulimits: root may not raise limits on these machines, so podman's own defaults fail with
#   "setrlimit ... Operation not permitted".
# - netavark with aardvark-dns: compose services find one another by name (the agent reaches "broker").
# shellcheck shell=bash

meshery_containers_dir="${MESHERY_CONTAINERS_DIR:-${XDG_CACHE_HOME:-${HOME}/.cache}/meshery/containers}"
mkdir -p "${meshery_containers_dir}/networks" "${meshery_containers_dir}/tmp"

# Writes $1 from stdin only when its content changes, so a concurrent reader never sees a half-written file.
meshery_write_if_changed() {
  local target="$1" content
  content="$(cat)"
  if [[ ! -f "${target}" || "$(cat "${target}")" != "${content}" ]]; then
    printf '%s\n' "${content}" >"${target}.$$"
    mv -f "${target}.$$" "${target}"
  fi
}

meshery_write_if_changed "${meshery_containers_dir}/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
log_driver = "k8s-file"

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
tmp_dir = "${meshery_containers_dir}/tmp"

[network]
network_backend = "netavark"
network_config_dir = "${meshery_containers_dir}/networks"
EOF

meshery_write_if_changed "${meshery_containers_dir}/storage.conf" <<EOF
[storage]
driver = "overlay"
graphroot = "${meshery_containers_dir}/storage"
runroot = "${meshery_containers_dir}/run"
EOF

# Takes the lock for making image $1 (held until the calling script exits, so a second caller waits and then finds
# it made) and succeeds when the image must be made: it is missing, or $2 is --rebuild.
meshery_must_make_image() {
  local image="$1" rebuild="${2:-}"
  exec 9>"${meshery_containers_dir}/$(printf '%s' "${image}" | tr -c 'a-zA-Z0-9._-' '_').lock"
  flock 9
  [[ "${rebuild}" == "--rebuild" ]] || ! podman image exists "${image}"
}

export CONTAINERS_CONF="${meshery_containers_dir}/containers.conf"
export CONTAINERS_STORAGE_CONF="${meshery_containers_dir}/storage.conf"
export MESHERY_CONTAINERS_DIR="${meshery_containers_dir}"

# The images the scripts make: a Debian base standing in for the official runtime image, an SDK stand-in,
# and a NATS stand-in for compose. Real users keep the official images (the Dockerfile's and compose file's defaults).
export MESHERY_BASE_IMAGE="${MESHERY_BASE_IMAGE:-localhost/debian-base:bookworm}"
export MESHERY_SDK_IMAGE="${MESHERY_SDK_IMAGE:-localhost/dotnet-sdk:10.0}"
export MESHERY_NATS_IMAGE="${MESHERY_NATS_IMAGE:-localhost/nats:bookworm}"
export MESHERY_AGENT_IMAGE="${MESHERY_AGENT_IMAGE:-localhost/meshery-agent:dev}"

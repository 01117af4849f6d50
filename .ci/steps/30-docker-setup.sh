#!/usr/bin/env bash
# Docker engine (API 1.44 or later), headless Chromium and wrk on a fresh machine, and the Dockerfile's base image, all idempotent.
# The base image cannot be pulled here (no Docker Hub, no public.ecr.aws): when it is missing it is built with
# debootstrap and tagged exactly as the Dockerfile's FROM, so `docker build` finds it locally.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Serialise with any other checkout on this machine running the same setup (one dockerd, one base image).
# Bounded wait, and the daemon started below must not inherit the lock's descriptor (it would hold it forever).
exec 9>/tmp/hello-ecs-docker.lock
flock -w 900 9 || { echo "another docker setup holds /tmp/hello-ecs-docker.lock" >&2; exit 1; }

missing=()
for tool in dockerd:docker.io debootstrap:debootstrap chromium:chromium wrk:wrk; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool##*:}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io debootstrap chromium wrk >/dev/null
fi

# The engine: Debian bookworm's docker.io is 20.10 (API 1.41), which has no health-check start interval, so
# neither run-local's nor the benchmark's "healthy within a second" can be checked with it. Debian stable (trixie)
# packages 26.1 (API 1.45), and its .deb installs on bookworm with bookworm's own dependencies (containerd, runc,
# tini, iptables). Fetched with a private apt state, so the machine's sources stay bookworm-only.
installed="$(dpkg-query -W -f '${Version}' docker.io 2>/dev/null || true)"
if [ -n "$installed" ] && dpkg --compare-versions "$installed" lt 25; then
  echo "replacing docker.io $installed with Debian trixie's (health-check start interval needs API 1.44+)"
  apt_state="$(mktemp -d)"
  mkdir -p "$apt_state/lists/partial"
  echo 'deb http://deb.debian.org/debian trixie main' >"$apt_state/sources.list"
  apt_private=(-o "Dir::Etc::SourceList=$apt_state/sources.list" -o Dir::Etc::SourceParts=/nonexistent
    -o "Dir::State::Lists=$apt_state/lists" -o APT::Sandbox::User=root)
  as_root apt-get -qq "${apt_private[@]}" update
  (cd "$apt_state" && as_root apt-get -qq "${apt_private[@]}" download docker.io)
  # A running 20.10 daemon keeps serving the old API until it is restarted.
  if pgrep -x dockerd >/dev/null; then
    as_root pkill -x dockerd
    for _ in $(seq 1 30); do pgrep -x dockerd >/dev/null || break; sleep 1; done
  fi
  as_root env DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1 apt-get install -y -qq --no-install-recommends "$apt_state"/docker.io_*.deb >/dev/null
  as_root rm -rf "$apt_state"
fi

if ! docker info >/dev/null 2>&1; then
  echo "starting dockerd"
  # No inherited descriptor may reach the daemon: a lock held by a caller (`flock /tmp/rehearsal.lock ...` holds it
  # on fd 3; this script's own on 9) would stay held for as long as dockerd runs and block every other rehearsal.
  as_root sh -c 'nohup dockerd >/tmp/dockerd.log 2>&1 </dev/null 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- &'
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  docker info >/dev/null 2>&1 || { echo "dockerd did not start; see /tmp/dockerd.log" >&2; tail -20 /tmp/dockerd.log >&2; exit 1; }
fi

base="$(awk 'toupper($1) == "FROM" { print $2; exit }' docker/Dockerfile)"
if docker image inspect "$base" >/dev/null 2>&1; then
  echo "base image $base present"
else
  echo "building base image $base with debootstrap (minbase bookworm)"
  rootfs="$(mktemp -d)"
  trap 'as_root rm -rf "$rootfs"' EXIT
  as_root debootstrap --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian >/tmp/debootstrap.log 2>&1 \
    || { tail -20 /tmp/debootstrap.log >&2; exit 1; }
  # Like the official slim image: no package lists or caches in the base.
  as_root rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/archives/*.deb
  as_root tar -C "$rootfs" -c . | docker import -c 'CMD ["bash"]' - "$base" >/dev/null
fi
docker image inspect --format "base image {{.Id}} {{.Size}} bytes" "$base"

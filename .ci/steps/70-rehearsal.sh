#!/usr/bin/env bash
# README's deploy and destroy commands, verbatim, against moto_server and a local TLS registry standing in for ECR,
# on a fresh fake account each time (bin/rehearse-deploy says what it checks and what moto cannot prove): the
# default app, a second image directory (docs/service.md, "Your own image"), profile hardened (with a
# certificate imported into the emulated ACM), a canary deployment strategy (docs/service.md#releases: two
# target groups and the production listener rule), and replication into a second region of the fake account with
# the real-account checks (preflight, a foreign repository in the destination that the deploy must not touch), and a
# same-account pipeline (docs/pipeline.md: the registry stack and the pipeline stack, no image pushed by the deploy).
# Before them, its check of what it needs (a port in use must stop it before it changes anything). Around each,
# /etc/hosts and docker's certs.d for the registry host must end as they began: with nothing of the rehearsal's
# there (its entry and CA removed), and with what was there before kept. Whatever this machine had there is put
# back at the end. Needs 30-docker-setup.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export PATH="$PATH:$HOME/.pyenv/shims"
command -v docker-registry >/dev/null 2>&1 || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-registry >/dev/null
}
host=123456789012.dkr.ecr.us-east-1.amazonaws.com
certs_dir="/etc/docker/certs.d/$host"
saved="$(mktemp -d)"
cat /etc/hosts >"$saved/hosts"
[ ! -d "$certs_dir" ] || cp -a "$certs_dir" "$saved/certs"
restore_machine() {
  cat "$saved/hosts" >/etc/hosts
  rm -rf "$certs_dir"
  [ ! -d "$saved/certs" ] || cp -a "$saved/certs" "$certs_dir"
  rm -rf "$saved"
}
trap restore_machine EXIT
state() { cat /etc/hosts; if [ -d "$certs_dir" ]; then ls -A "$certs_dir"; cat "$certs_dir"/* 2>/dev/null; else echo "(no $certs_dir)"; fi; }
# rehearse [ARGS]...: bin/rehearse-deploy, which must leave /etc/hosts and certs.d exactly as it found them.
rehearse() {
  local before
  before="$(state)"
  bin/rehearse-deploy "$@"
  if [ "$(state)" != "$before" ]; then
    echo "70-rehearsal: bin/rehearse-deploy changed /etc/hosts or $certs_dir:" >&2
    diff <(echo "$before") <(state) >&2 || true
    exit 1
  fi
}

echo "=== rehearsal: its check of what it needs"
bin/rehearse-deploy --check
# occupied PORT: the rehearsal must refuse to start, naming the port and who holds it, and change nothing.
occupied() {
  local port="$1" pid out status=0 before
  python3 -c 'import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(); time.sleep(120)' "$port" &
  pid=$!
  for _ in $(seq 1 50); do ss -Hltn "sport = :$port" | grep -q . && break; sleep 0.1; done
  before="$(state)"
  out="$(bin/rehearse-deploy 2>&1)" || status=$?
  kill "$pid"; wait "$pid" 2>/dev/null || true
  if [ "$status" -ne 1 ] || ! grep -q "port $port on 127.0.0.1 free for .*: it is in use (\"python3\",pid=$pid" <<<"$out"; then
    echo "70-rehearsal: with port $port in use, expected exit 1 and a message naming it; got exit $status:" >&2
    echo "$out" >&2; exit 1
  fi
  [ "$(state)" = "$before" ] || { echo "70-rehearsal: a refused rehearsal changed /etc/hosts or certs.d" >&2; exit 1; }
  echo "port $port in use: $(grep "port $port" <<<"$out")"
}
occupied 5055
occupied 443

echo "=== rehearsal: default, on a machine with no hosts entry or CA for $host"
grep -vw -- "$host" "$saved/hosts" >/etc/hosts || true
rm -rf "$certs_dir"
rehearse
[ ! -e "$certs_dir" ] || { echo "70-rehearsal: bin/rehearse-deploy left $certs_dir behind" >&2; exit 1; }

echo "=== rehearsal: a second image directory, with a hosts entry and a ca.crt that were there before"
echo "127.0.0.1 $host" >>/etc/hosts
mkdir -p "$certs_dir" && echo "a CA that was there before" >"$certs_dir/ca.crt"
image=src/test/resources/images/hello-busybox
REHEARSAL_CHANGE_FILE="$image/www/index.html" rehearse -c image.directory="$image" \
  -c image.dockerfile=web.Dockerfile -c service.healthCheckPath=/healthz \
  -c 'image.buildArgs={"GREETING":"Hello from a second image"}'

echo "=== rehearsal: profile hardened"
rehearse -c profile=hardened -c service.certificateArn=REHEARSAL_CERTIFICATE

echo "=== rehearsal: deployment strategy canary"
rehearse -c service.deploymentStrategy=canary

echo "=== rehearsal: replication to eu-west-1, with a foreign repository there first"
rehearse --replication eu-west-1

echo "=== rehearsal: a pipeline in the same account (registry stack + pipeline stack, no image pushed)"
rehearse --pipeline

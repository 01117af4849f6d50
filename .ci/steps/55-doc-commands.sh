#!/usr/bin/env bash
# Every command block README.md and docs/ mark `<!-- offline-commands -->` runs as written, from the project root,
# with no AWS credentials or configuration (the stack-name forms the CDK CLI accepts, the lifecycle preview on the
# shipped sample, the example environments of cdk.json). cdk.out is set aside and restored, so the steps after this
# one see the default synthesis. Then the documented failure of a CloudFormation name given to the CDK CLI.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
[ -d node_modules/aws-cdk ] || npm ci --no-audit --no-fund
work="$(mktemp -d)"
[ ! -e cdk.out ] || mv cdk.out "$work/cdk.out.saved"
restore() { rm -rf cdk.out; [ ! -e "$work/cdk.out.saved" ] || mv "$work/cdk.out.saved" cdk.out; rm -rf "$work"; }
trap restore EXIT
offline=(env -u AWS_PROFILE -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN -u AWS_REGION
  -u AWS_DEFAULT_REGION AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true)

python3 .ci/doc_commands.py README.md docs/*.md >"$work/blocks"
all=""
blocks=0
while IFS= read -r -d '' record; do
  where="${record%%$'\n'*}" block="${record#*$'\n'}"
  blocks=$((blocks + 1)) all+="$block"$'\n'
  echo "--- $where"
  printf '%s' "$block" | sed 's/^/  $ /'
  if ! "${offline[@]}" bash -euo pipefail -c "$block" >"$work/out" 2>&1; then
    tail -30 "$work/out" >&2
    echo "55-doc-commands: the block at $where failed" >&2
    exit 1
  fi
done <"$work/blocks"

# The forms the issue tracker asked CI to keep running must stay in those blocks.
for expected in 'npx cdk synth hello-ecs/Service' 'npx cdk list' '--file examples/describe-images.json' \
  'npx cdk synth --quiet -c env=prod' './bin/hello-ecs cost --env prod' '--env prod'; do
  grep -qF -- "$expected" <<<"$all" || { echo "55-doc-commands: no offline block runs '$expected'" >&2; exit 1; }
done

# The CloudFormation name is not a CDK CLI selector: the message troubleshooting.md quotes.
if "${offline[@]}" npx cdk synth hello-ecs-service >"$work/out" 2>&1; then
  echo "55-doc-commands: 'npx cdk synth hello-ecs-service' succeeded; update README's Stack names" >&2; exit 1
fi
grep -q 'No stacks match the name(s) hello-ecs-service' "$work/out" \
  || { cat "$work/out" >&2; echo "55-doc-commands: unexpected message for a CloudFormation name" >&2; exit 1; }
grep -qF 'No stacks match the name(s) hello-ecs-service' docs/troubleshooting.md
echo "55-doc-commands: $blocks blocks ran offline"

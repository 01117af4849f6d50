#!/usr/bin/env bash
# Synthesizes through the pinned CDK CLI (not only App.synth() in-process), with no AWS credentials, and fails
# unless every stack and output is in the cloud assembly.
set -euo pipefail
npm ci --no-audit --no-fund
rm -rf cdk.out
env -u AWS_PROFILE -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN \
  AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null npx cdk synth --quiet
python3 .ci/check_assembly.py cdk.out

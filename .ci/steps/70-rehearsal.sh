#!/usr/bin/env bash
# README's deploy and destroy commands, verbatim, against moto_server and a local TLS registry standing in for ECR,
# on a fresh fake account each time (bin/rehearse-deploy says what it checks and what moto cannot prove): the
# default app, a second image directory (docs/service.md, "Your own image"), profile hardened (with a
# certificate imported into the emulated ACM), a canary deployment strategy (docs/service.md#releases: two
# target groups and the production listener rule), and replication into a second region of the fake account with
# the real-account checks (preflight, a foreign repository in the destination that the deploy must not touch), and a
# same-account pipeline (docs/pipeline.md: the registry stack and the pipeline stack, no image pushed by the deploy).
# Needs 30-docker-setup.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export PATH="$PATH:$HOME/.pyenv/shims"
command -v docker-registry >/dev/null 2>&1 || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-registry >/dev/null
}
echo "=== rehearsal: default"
bin/rehearse-deploy

echo "=== rehearsal: a second image directory"
image=src/test/resources/images/hello-busybox
REHEARSAL_CHANGE_FILE="$image/www/index.html" bin/rehearse-deploy -c image.directory="$image" \
  -c image.dockerfile=web.Dockerfile -c service.healthCheckPath=/healthz \
  -c 'image.buildArgs={"GREETING":"Hello from a second image"}'

echo "=== rehearsal: profile hardened"
bin/rehearse-deploy -c profile=hardened -c service.certificateArn=REHEARSAL_CERTIFICATE

echo "=== rehearsal: deployment strategy canary"
bin/rehearse-deploy -c service.deploymentStrategy=canary

echo "=== rehearsal: replication to eu-west-1, with a foreign repository there first"
bin/rehearse-deploy --replication eu-west-1

echo "=== rehearsal: a pipeline in the same account (registry stack + pipeline stack, no image pushed)"
bin/rehearse-deploy --pipeline

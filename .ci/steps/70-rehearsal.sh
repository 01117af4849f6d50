#!/usr/bin/env bash
# README's deploy and destroy commands, verbatim, against moto_server and a local TLS registry standing in for ECR,
# on a fresh fake account (bin/rehearse-deploy says what it checks and what moto cannot prove). Needs 30-docker-setup.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export PATH="$PATH:$HOME/.pyenv/shims"
command -v docker-registry >/dev/null 2>&1 || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-registry >/dev/null
}
bin/rehearse-deploy

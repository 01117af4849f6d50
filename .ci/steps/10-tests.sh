#!/usr/bin/env bash
# README's test command, exactly.
set -euo pipefail
mvn -B -Dstyle.color=never test

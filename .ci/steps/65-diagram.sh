#!/usr/bin/env bash
# The architecture pictures still render from the app (bin/diagram), into a temporary directory so the committed
# docs/architecture*.png/.svg are left alone; fails when the command breaks or a picture is missing or empty.
set -euo pipefail
command -v dot >/dev/null || { apt-get update -qq && apt-get install -y -qq graphviz >/dev/null; }
npm ci --no-audit --no-fund
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
bin/diagram "$out"
for name in architecture architecture-pipeline; do
  for ext in png svg; do
    [ -s "$out/$name.$ext" ] || { echo "bin/diagram produced no $name.$ext (or an empty one)" >&2; exit 1; }
  done
  head -c 8 "$out/$name.png" | od -An -c | grep -q 'P   N   G' || { echo "$name.png is not a PNG" >&2; exit 1; }
  grep -q '<svg' "$out/$name.svg" || { echo "$name.svg is not an SVG" >&2; exit 1; }
  ! grep -q 'href="/' "$out/$name.svg" || { echo "$name.svg links to a local file instead of embedding it" >&2; exit 1; }
done
echo "diagrams render: $(cd "$out" && ls)"
